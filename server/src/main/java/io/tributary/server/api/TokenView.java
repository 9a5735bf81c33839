package io.tributary.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tributary.server.db.TokenScope;
import java.time.Instant;

/**
 * A workspace token as the API shows it: never its value, except {@code token} in the answer to
 * its creation.
 *
 * @param lastUsedAt when it was last used, to the minute; null when never
 * @param expired whether its expiry has passed (it no longer works)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(String id, String name, TokenScope scope, Instant createdAt,
                        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Instant expiresAt,
                        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Instant lastUsedAt,
                        boolean expired, @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String token) {
}
