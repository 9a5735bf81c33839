package io.tributary.server.core;

import io.tributary.server.db.TokenScope;
import java.security.Principal;

/**
 * Who is calling: the admin, or a workspace through one of its tokens.
 *
 * @param workspaceId the caller's workspace, or null for the admin
 * @param actor how the audit log names the caller: {@code admin} or {@code token:<id>}
 * @param scope what the token may do; {@link TokenScope#ADMIN} for the admin
 */
public record Caller(String workspaceId, String actor, TokenScope scope) implements Principal {

    public static Caller admin() {
        return new Caller(null, "admin", TokenScope.ADMIN);
    }

    public boolean isAdmin() {
        return workspaceId == null;
    }

    @Override
    public String getName() {
        return actor;
    }
}
