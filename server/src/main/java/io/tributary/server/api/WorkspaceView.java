package io.tributary.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A workspace as the API shows it. {@code apiToken} appears once, in the answer to its creation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkspaceView(String id, String name, String plan, Instant createdAt,
                            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String apiToken) {
}
