package io.tributary.server.resources;

import static io.tributary.server.resources.WorkspaceResource.caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tributary.server.api.StreamList;
import io.tributary.server.core.DatasetService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/v1/data-sources/{id}/streams}: the streams this source can mirror into datasets,
 * its own when its connector finds them per source (a database's tables), with the cursor and key
 * choices a selection may make.
 */
@Path("/api/v1/data-sources/{id}/streams")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets")
public final class SourceStreamsResource {

    private final DatasetService datasets;

    public SourceStreamsResource(DatasetService datasets) {
        this.datasets = datasets;
    }

    @GET
    @Operation(operationId = "listSourceStreams", summary = "The streams a data source can mirror, with its cursor and key choices")
    @ApiResponse(responseCode = "200", description = "The streams", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no data source by this id in the token's workspace")
    public StreamList list(@Context SecurityContext security, @PathParam("id") String id) {
        return new StreamList(datasets.streams(caller(security), id));
    }
}
