package io.tributary.server.resources;

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
public final class TokenResource {

    private final TokenService tokens;

    public TokenResource(TokenService tokens) {
        this.tokens = tokens;
    }

    @GET
    public List<TokenView> list(@Context SecurityContext security, @PathParam("workspaceId") String workspaceId) {
        return tokens.list(WorkspaceResource.caller(security), workspaceId);
    }

    @POST
    @ShowsSecretOnce
    public Response create(@Context SecurityContext security, @PathParam("workspaceId") String workspaceId,
                           TokenRequests.Create request) {
        return Response.status(201).entity(tokens.create(WorkspaceResource.caller(security), workspaceId, request)).build();
    }

    @DELETE
    @Path("/{tokenId}")
    public Response revoke(@Context SecurityContext security, @PathParam("workspaceId") String workspaceId,
                           @PathParam("tokenId") String tokenId) {
        tokens.revoke(WorkspaceResource.caller(security), workspaceId, tokenId);
        return Response.noContent().build();
    }
}
