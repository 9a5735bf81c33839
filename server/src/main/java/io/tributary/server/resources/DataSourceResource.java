package io.tributary.server.resources;

import io.tributary.server.http.ShowsSecretOnce;
import static io.tributary.server.resources.WorkspaceResource.caller;

import io.tributary.server.api.DataSourceRequests;
import io.tributary.server.api.DataSourceView;
import io.tributary.server.core.DataSourceService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/data-sources}: a workspace's connections to outside systems. */
@Path("/api/v1/data-sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class DataSourceResource {

    private final DataSourceService sources;

    public DataSourceResource(DataSourceService sources) {
        this.sources = sources;
    }

    @POST
    @ShowsSecretOnce // a secret the server generated is shown in this answer, and never again
    public Response create(@Context SecurityContext security, DataSourceRequests.Create request) {
        return Response.status(201).entity(sources.create(caller(security), request)).build();
    }

    @GET
    public Map<String, List<DataSourceView>> list(@Context SecurityContext security) {
        return Map.of("dataSources", sources.list(caller(security)));
    }

    @GET
    @Path("/{id}")
    public DataSourceView get(@Context SecurityContext security, @PathParam("id") String id) {
        return sources.get(caller(security), id);
    }

    @PATCH
    @Path("/{id}")
    public DataSourceView patch(@Context SecurityContext security, @PathParam("id") String id, DataSourceRequests.Patch request) {
        return sources.patch(caller(security), id, request);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        sources.delete(caller(security), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/test")
    public DataSourceView test(@Context SecurityContext security, @PathParam("id") String id) {
        return sources.test(caller(security), id);
    }
}
