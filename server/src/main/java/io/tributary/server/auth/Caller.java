package io.tributary.server.auth;

import java.security.Principal;

/**
 * Who is calling: the admin, or a workspace through one of its tokens.
 *
 * @param workspaceId the caller's workspace, or null for the admin
 * @param actor how the audit log names the caller: {@code admin} or {@code token:<id>}
 */
public record Caller(String workspaceId, String actor) implements Principal {

    public static Caller admin() {
        return new Caller(null, "admin");
    }

    public boolean isAdmin() {
        return workspaceId == null;
    }

    @Override
    public String getName() {
        return actor;
    }
}
