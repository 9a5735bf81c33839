package io.tributary.server.resources;

import static io.tributary.server.resources.WorkspaceResource.caller;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tributary.server.api.DatasetList;
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

/** {@code /api/v1/data-sources/{id}/datasets}: the streams a data source mirrors, and their records. */
@Path("/api/v1/data-sources/{id}/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets", description = "Streams a data source mirrors into the server's database, and their records")
public final class DatasetResource {

    private final DatasetService datasets;

    public DatasetResource(DatasetService datasets) {
        this.datasets = datasets;
    }

    @GET
    @Operation(operationId = "listDatasets", summary = "The streams a data source mirrors, with their sync state")
    @ApiResponse(responseCode = "200", description = "The datasets", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no data source by this id in the token's workspace")
    public DatasetList list(@Context SecurityContext security, @PathParam("id") String id) {
        return new DatasetList(datasets.list(caller(security), id));
    }

    @PUT
    @Operation(operationId = "selectDatasets", summary = "Replace the selection of streams to mirror; streams left out stop being mirrored")
    @ApiResponse(responseCode = "200", description = "The datasets as they are now", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no data source by this id in the token's workspace")
    @ApiResponse(responseCode = "422", description = """
            - `invalid_request`: `datasets` is missing, or a selection names an unknown stream, mode, date, cursor or key (`field` names it)""")
    public DatasetList select(@Context SecurityContext security, @PathParam("id") String id, DatasetRequests.Select request) {
        return new DatasetList(datasets.select(caller(security), id, request));
    }

    @GET
    @Path("/{stream}/records")
    @Operation(operationId = "listDatasetRecords", summary = "A page of a dataset's records, newest first")
    @ApiResponse(responseCode = "200", description = "The page; pass `nextCursor` as `cursor` for the next", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no data source by this id in the token's workspace, or it does not mirror this stream")
    @ApiResponse(responseCode = "422", description = """
            - `invalid_request`: `limit`, `cursor`, `created_gte`, `created_lt`, `filter` or `include_deleted` is invalid (`field` names it)""")
    public DatasetRecordPage records(@Context SecurityContext security, @PathParam("id") String id, @PathParam("stream") String stream,
                                     @Parameter(description = "Records per page, 1 to 1000") @QueryParam("limit")
                                     @DefaultValue("" + DatasetRecords.DEFAULT_LIMIT) String limit,
                                     @Parameter(description = "The `nextCursor` of the previous page") @QueryParam("cursor") String cursor,
                                     @Parameter(description = "Only objects created at or after: an instant, a date or Unix seconds",
                                             example = "2026-01-01") @QueryParam("created_gte") String createdGte,
                                     @Parameter(description = "Only objects created before: an instant, a date or Unix seconds",
                                             example = "2026-02-01T00:00:00Z") @QueryParam("created_lt") String createdLt,
                                     @Parameter(description = "`field=value` on the object's data, a dotted path; repeat for more (all must match)",
                                             example = "status=succeeded") @QueryParam("filter") List<String> filters,
                                     @Parameter(description = "`true` to include deleted objects") @QueryParam("include_deleted")
                                     @DefaultValue("false") String includeDeleted) {
        DatasetRecords.RecordQuery query = new DatasetRecords.RecordQuery(number("limit", limit), blankToNull(cursor),
                DatasetRecords.time("created_gte", createdGte), DatasetRecords.time("created_lt", createdLt),
                DatasetRecords.filters(filters == null ? List.of() : filters), flag("include_deleted", includeDeleted));
        return datasets.records(caller(security), id, stream, query);
    }

    @POST
    @Path("/{stream}/resync")
    @Operation(operationId = "resyncDataset", summary = "Start a fresh backfill of one stream from its start date")
    @ApiResponse(responseCode = "202", description = "The backfill is queued; the dataset as it is now",
            content = @Content(schema = @Schema(implementation = DatasetView.class)))
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no data source by this id in the token's workspace, or it does not mirror this stream")
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
