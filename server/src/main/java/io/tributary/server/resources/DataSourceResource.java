package io.tributary.server.resources;

import static io.tributary.server.resources.WorkspaceResource.caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tributary.server.api.DataSourceList;
import io.tributary.server.http.ShowsSecretOnce;
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

/** {@code /api/v1/data-sources}: a workspace's connections to outside systems. */
@Path("/api/v1/data-sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Data sources", description = "A workspace's connections to outside systems; credentials are write-only")
public final class DataSourceResource {

    private final DataSourceService sources;

    public DataSourceResource(DataSourceService sources) {
        this.sources = sources;
    }

    @POST
    @ShowsSecretOnce // a secret the server generated is shown in this answer, and never again
    @Operation(operationId = "createDataSource", summary = "Connect a data source: its credentials are checked with the provider first")
    @ApiResponse(responseCode = "201", description = "The data source; `generatedSecrets` holds the secrets the server generated, shown this once",
            content = @Content(schema = @Schema(implementation = DataSourceView.class)))
    @ApiResponse(responseCode = "402", description = "- `plan_limit_exceeded`: the workspace's plan allows no more data sources (of this type)")
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "422", description = """
            - `invalid_request`: `type` is missing or not installed, `label` or `cadenceMinutes` is invalid, or a dataset selection is (`field` names it)
            - `invalid_credentials`: a credential is missing or malformed, or the provider refused the credentials""")
    @ApiResponse(responseCode = "502", description = OpenApiConventions.PROVIDER_ERROR)
    @ApiResponse(responseCode = "503", description = OpenApiConventions.PROVIDER_UNAVAILABLE)
    public Response create(@Context SecurityContext security, DataSourceRequests.Create request) {
        return Response.status(201).entity(sources.create(caller(security), request)).build();
    }

    @GET
    @Operation(operationId = "listDataSources", summary = "The workspace's data sources")
    @ApiResponse(responseCode = "200", description = "The data sources", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    public DataSourceList list(@Context SecurityContext security) {
        return new DataSourceList(sources.list(caller(security)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDataSource", summary = "A data source")
    @ApiResponse(responseCode = "200", description = "The data source", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no data source by this id in the token's workspace")
    public DataSourceView get(@Context SecurityContext security, @PathParam("id") String id) {
        return sources.get(caller(security), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateDataSource", summary = "Change a data source's label, cadence, credentials or dataset selection")
    @ApiResponse(responseCode = "200", description = "The data source as it is now", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no data source by this id in the token's workspace")
    @ApiResponse(responseCode = "422", description = """
            - `invalid_request`: `label`, `cadenceMinutes` or a dataset selection is invalid (`field` names it)
            - `invalid_credentials`: a credential is malformed, or the provider refused the new credentials""")
    @ApiResponse(responseCode = "502", description = OpenApiConventions.PROVIDER_ERROR)
    @ApiResponse(responseCode = "503", description = OpenApiConventions.PROVIDER_UNAVAILABLE)
    public DataSourceView patch(@Context SecurityContext security, @PathParam("id") String id, DataSourceRequests.Patch request) {
        return sources.patch(caller(security), id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteDataSource", summary = "Delete a data source, with its blocks and datasets")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no data source by this id in the token's workspace")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        sources.delete(caller(security), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/test")
    @Operation(operationId = "testDataSource", summary = "Check the stored credentials with the provider now")
    @ApiResponse(responseCode = "200", description = "The credentials work; the data source is active again", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no data source by this id in the token's workspace")
    @ApiResponse(responseCode = "409", description = "- `credentials_unreadable`: the stored credentials cannot be decrypted; send new ones")
    @ApiResponse(responseCode = "422", description = """
            - `invalid_credentials`: the provider refused the credentials; the data source is now in error
            - `permission_missing`: the credentials lack a permission the source needs""")
    @ApiResponse(responseCode = "502", description = OpenApiConventions.PROVIDER_ERROR)
    @ApiResponse(responseCode = "503", description = OpenApiConventions.PROVIDER_UNAVAILABLE)
    public DataSourceView test(@Context SecurityContext security, @PathParam("id") String id) {
        return sources.test(caller(security), id);
    }
}
