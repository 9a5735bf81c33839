package io.tributary.server.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tributary.server.api.TokenRequests;
import io.tributary.server.api.TokenView;
import io.tributary.server.core.TokenService;
import io.tributary.server.http.ShowsSecretOnce;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** {@code /api/v1/workspaces/{id}/tokens}: a workspace's tokens, for its admin tokens and the admin. */
@Path("/api/v1/workspaces/{workspaceId}/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens", description = "A workspace's API tokens: admin (everything in the workspace) or read (blocks only)")
public final class TokenResource {

    private final TokenService tokens;

    public TokenResource(TokenService tokens) {
        this.tokens = tokens;
    }

    @GET
    @Operation(operationId = "listTokens", summary = "A workspace's tokens, never their values")
    @ApiResponse(responseCode = "200", description = "The tokens, newest first", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no workspace by this id that the token may see")
    public List<TokenView> list(@Context SecurityContext security, @PathParam("workspaceId") String workspaceId) {
        return tokens.list(WorkspaceResource.caller(security), workspaceId);
    }

    @POST
    @ShowsSecretOnce
    @Operation(operationId = "createToken", summary = "Issue a token")
    @ApiResponse(responseCode = "201", description = "The token; `token`, its value, is shown this once",
            content = @Content(schema = @Schema(implementation = TokenView.class)))
    @ApiResponse(responseCode = "404", description = "- `not_found`: no workspace by this id that the token may see")
    @ApiResponse(responseCode = "422", description = """
            - `invalid_request`: `name` or `scope` is missing, or `expiresAt` is not in the future (`field` names it)""")
    public Response create(@Context SecurityContext security, @PathParam("workspaceId") String workspaceId,
                           TokenRequests.Create request) {
        return Response.status(201).entity(tokens.create(WorkspaceResource.caller(security), workspaceId, request)).build();
    }

    @DELETE
    @Path("/{tokenId}")
    @Operation(operationId = "revokeToken", summary = "Revoke a token: it stops working on the next request, on every node")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "- `not_found`: no such token in a workspace the token may see")
    public Response revoke(@Context SecurityContext security, @PathParam("workspaceId") String workspaceId,
                           @PathParam("tokenId") String tokenId) {
        tokens.revoke(WorkspaceResource.caller(security), workspaceId, tokenId);
        return Response.noContent().build();
    }
}
