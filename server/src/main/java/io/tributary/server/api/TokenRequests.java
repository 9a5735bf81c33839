package io.tributary.server.api;

import io.swagger.v3.oas.annotations.media.Schema;
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
    @Schema(name = "CreateTokenRequest")
    public record Create(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) TokenScope scope,
                         Instant expiresAt) {
    }
}
