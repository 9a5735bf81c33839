package io.tributary.server.api;

import io.tributary.server.db.TokenScope;
import java.time.Instant;

/** Request bodies of the token endpoints. */
public final class TokenRequests {

    private TokenRequests() {
    }

    /**
     * {@code POST /api/v1/workspaces/{id}/tokens}.
     *
     * @param name what the token is for, such as {@code office dashboard}
     * @param scope {@code admin} or {@code read}; required
     * @param expiresAt when it stops working, or null for never
     */
    public record Create(String name, TokenScope scope, Instant expiresAt) {
    }
}
