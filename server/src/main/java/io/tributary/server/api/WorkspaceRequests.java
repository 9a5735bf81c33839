package io.tributary.server.api;

/** Request bodies of the workspace endpoints. */
public final class WorkspaceRequests {

    private WorkspaceRequests() {
    }

    /** {@code POST /api/v1/workspaces}. */
    public record Create(String name, String plan) {
    }

    /** {@code PATCH /api/v1/workspaces/{id}}: fields left out stay as they are. */
    public record Patch(String name, String plan) {
    }
}
