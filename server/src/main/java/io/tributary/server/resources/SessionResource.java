package io.tributary.server.resources;

import static io.tributary.server.resources.WorkspaceResource.caller;

import io.tributary.connector.host.ConnectorRegistry;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.server.api.SessionView;
import io.tributary.server.auth.ReadScope;
import io.tributary.server.core.WorkspaceService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code GET /api/v1/me}: the calling token, its workspace and its plan's usage. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@io.swagger.v3.oas.annotations.tags.Tag(name = "Session", description = "The calling token, its workspace and the plan's usage")
public final class SessionResource {

    private final WorkspaceService workspaces;
    private final ConnectorRegistry connectors;

    public SessionResource(WorkspaceService workspaces, ConnectorRegistry connectors) {
        this.workspaces = workspaces;
        this.connectors = connectors;
    }

    @GET
    @ReadScope
    @io.swagger.v3.oas.annotations.Operation(operationId = "getSession",
            summary = "The calling token: its scope, its workspace and how much of the plan is used, per connector type")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The caller", useReturnTypeSchema = true)
    public SessionView me(@Context SecurityContext security) {
        return workspaces.session(caller(security), connectors.installed().stream().map(InstalledConnector::typeId).toList());
    }
}
