package io.tributary.server.resources;

import static io.tributary.server.resources.WorkspaceResource.caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.core.QueryService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code POST /api/v1/query}: runs a query live and returns its raw result. */
@Path("/api/v1/query")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Query", description = "Run a query of a data source's connector live")
public final class QueryResource {

    /** The request body. */
    @Schema(name = "QueryRequest")
    public record QueryBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String dataSourceId,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String type, JsonNode params) {
    }

    private final QueryService queries;

    public QueryResource(QueryService queries) {
        this.queries = queries;
    }

    @POST
    @Operation(operationId = "runQuery", summary = "Run a query now and return its raw result (from the mirror when it holds what the query needs)")
    @ApiResponse(responseCode = "200", description = "The query's result", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = OpenApiConventions.WORKSPACE_TOKEN_ONLY)
    @ApiResponse(responseCode = "404", description = """
            - `not_found`: no data source by this id in the token's workspace
            - `object_not_found`: the provider has no object by the id the query names""")
    @ApiResponse(responseCode = "409", description = "- `credentials_unreadable`: the stored credentials cannot be decrypted; send new ones")
    @ApiResponse(responseCode = "422", description = """
            - `invalid_request`: `dataSourceId` is missing, or its connector is not installed
            - `unknown_query_type`: `type` is not a query of the source's connector
            - `invalid_parameter`: a parameter is missing, of the wrong type or out of range (`field` names it)
            - `invalid_credentials`: the provider refused the stored credentials
            - `permission_missing`: the credentials lack a permission this query needs""")
    @ApiResponse(responseCode = "502", description = OpenApiConventions.PROVIDER_ERROR)
    @ApiResponse(responseCode = "503", description = OpenApiConventions.PROVIDER_UNAVAILABLE)
    public QueryService.Answer run(@Context SecurityContext security, QueryBody body) {
        if (body == null) {
            throw io.tributary.server.errors.ApiException.invalid("dataSourceId", "Send {\"dataSourceId\", \"type\", \"params\"}");
        }
        return queries.run(caller(security), body.dataSourceId(), body.type(), body.params());
    }
}
