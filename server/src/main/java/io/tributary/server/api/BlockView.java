package io.tributary.server.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tributary.server.db.AnsweredFrom;
import java.time.Instant;

/**
 * A block as the API shows it: its binding, its widget with the current data, and how the last
 * refresh went.
 *
 * @param source where the last value came from: {@code live} (the provider) or {@code mirror} (the
 *     dataset mirror, when it holds every stream the query needs, current); null before the first refresh
 */
public record BlockView(String id,
                        BlockRequest.Binding binding,
                        BlockRequest.Widget widget,
                        @Schema(nullable = true) Instant lastRefreshAt,
                        @Schema(nullable = true) String lastErrorCode,
                        @Schema(nullable = true) String lastErrorMessage,
                        @Schema(nullable = true) AnsweredFrom source,
                        Instant createdAt,
                        Instant updatedAt) {
}
