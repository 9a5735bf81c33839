package io.tributary.server.resources;

import io.tributary.server.api.WorkspaceRequests;
import io.tributary.server.api.WorkspaceView;
import io.tributary.server.auth.AdminOnly;
import io.tributary.server.core.Caller;
import io.tributary.server.core.WorkspaceService;
import io.tributary.server.http.ShowsSecretOnce;
import jakarta.ws.rs.Consumes;
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

/** {@code /api/v1/workspaces}: created by the admin, read and renamed by their own token. */
@Path("/api/v1/workspaces")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class WorkspaceResource {

    private final WorkspaceService workspaces;

    public WorkspaceResource(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @POST
    @AdminOnly
    @ShowsSecretOnce
    public Response create(@Context SecurityContext security, WorkspaceRequests.Create request) {
        return Response.status(201).entity(workspaces.create(caller(security), request)).build();
    }

    @GET
    @Path("/{id}")
    public WorkspaceView get(@Context SecurityContext security, @PathParam("id") String id) {
        return workspaces.get(caller(security), id);
    }

    @PATCH
    @Path("/{id}")
    public WorkspaceView patch(@Context SecurityContext security, @PathParam("id") String id, WorkspaceRequests.Patch request) {
        return workspaces.patch(caller(security), id, request);
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }
}
