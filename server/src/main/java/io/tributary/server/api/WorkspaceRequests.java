package io.tributary.server.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the workspace endpoints. */
public final class WorkspaceRequests {

    private WorkspaceRequests() {
    }

    /** {@code POST /api/v1/workspaces}. */
    @Schema(name = "CreateWorkspaceRequest")
    public record Create(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, String plan) {
    }

    /** {@code PATCH /api/v1/workspaces/{id}}: fields left out stay as they are. */
    @Schema(name = "PatchWorkspaceRequest")
    public record Patch(String name, String plan) {
    }
}
