package io.tributary.server.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Workspaces", description = "Tenants: each has its data sources, blocks, tokens and audit log")
public final class WorkspaceResource {

    private final WorkspaceService workspaces;

    public WorkspaceResource(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @POST
    @AdminOnly
    @Operation(operationId = "createWorkspace", summary = "Create a workspace, with its first admin token (admin token only)")
    @ApiResponse(responseCode = "201", description = "The workspace; `apiToken`, its first admin token, is shown this once",
            content = @Content(schema = @Schema(implementation = WorkspaceView.class)))
    @ApiResponse(responseCode = "422", description = """
            - `invalid_request`: `name` is missing or too long, or `plan` is not one this server offers (`field` names it)""")
    @ShowsSecretOnce
    public Response create(@Context SecurityContext security, WorkspaceRequests.Create request) {
        return Response.status(201).entity(workspaces.create(caller(security), request)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWorkspace", summary = "A workspace")
    @ApiResponse(responseCode = "200", description = "The workspace", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no workspace by this id that the token may see")
    public WorkspaceView get(@Context SecurityContext security, @PathParam("id") String id) {
        return workspaces.get(caller(security), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateWorkspace", summary = "Rename a workspace, or (admin token) change its plan")
    @ApiResponse(responseCode = "200", description = "The workspace as it is now", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = "- `forbidden`: only the admin token may change a workspace's plan")
    @ApiResponse(responseCode = "404", description = "- `not_found`: no workspace by this id that the token may see")
    @ApiResponse(responseCode = "422", description = "- `invalid_request`: `name` is empty or too long, or `plan` is unknown")
    public WorkspaceView patch(@Context SecurityContext security, @PathParam("id") String id, WorkspaceRequests.Patch request) {
        return workspaces.patch(caller(security), id, request);
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }
}
