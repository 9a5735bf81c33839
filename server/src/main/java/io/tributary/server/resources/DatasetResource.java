package io.tributary.server.resources;

import static io.tributary.server.resources.WorkspaceResource.caller;

import io.tributary.server.api.DatasetRecordPage;
import io.tributary.server.api.DatasetRequests;
import io.tributary.server.api.DatasetView;
import io.tributary.server.core.DatasetService;
import io.tributary.server.mirror.DatasetRecords;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/data-sources/{id}/datasets}: the streams a data source mirrors, and their records. */
@Path("/api/v1/data-sources/{id}/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class DatasetResource {

    private final DatasetService datasets;

    public DatasetResource(DatasetService datasets) {
        this.datasets = datasets;
    }

    @GET
    public Map<String, List<DatasetView>> list(@Context SecurityContext security, @PathParam("id") String id) {
        return Map.of("datasets", datasets.list(caller(security), id));
    }

    @PUT
    public Map<String, List<DatasetView>> select(@Context SecurityContext security, @PathParam("id") String id,
                                                 DatasetRequests.Select request) {
        return Map.of("datasets", datasets.select(caller(security), id, request));
    }

    @GET
    @Path("/{stream}/records")
    public DatasetRecordPage records(@Context SecurityContext security, @PathParam("id") String id, @PathParam("stream") String stream,
                                     @QueryParam("limit") @DefaultValue("" + DatasetRecords.DEFAULT_LIMIT) String limit, @QueryParam("cursor") String cursor,
                                     @QueryParam("created_gte") String createdGte, @QueryParam("created_lt") String createdLt,
                                     @QueryParam("filter") List<String> filters,
                                     @QueryParam("include_deleted") @DefaultValue("false") String includeDeleted) {
        DatasetRecords.RecordQuery query = new DatasetRecords.RecordQuery(number("limit", limit), blankToNull(cursor),
                DatasetRecords.time("created_gte", createdGte), DatasetRecords.time("created_lt", createdLt),
                DatasetRecords.filters(filters == null ? List.of() : filters), flag("include_deleted", includeDeleted));
        return datasets.records(caller(security), id, stream, query);
    }

    @POST
    @Path("/{stream}/resync")
    public Response resync(@Context SecurityContext security, @PathParam("id") String id, @PathParam("stream") String stream) {
        return Response.accepted(datasets.resync(caller(security), id, stream)).build();
    }

    private static int number(String field, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw io.tributary.server.errors.ApiException.invalid(field, field + " must be a whole number");
        }
    }

    private static boolean flag(String field, String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw io.tributary.server.errors.ApiException.invalid(field, field + " must be true or false");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
