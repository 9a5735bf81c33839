package io.tributary.server.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/audit-log}: one page of the caller's workspace's audit events, oldest first.
 *
 * @param events the events of this page, in seq order
 * @param nextCursor pass as {@code cursor} to read the next page; null on the last page
 */
public record AuditLogPage(List<Event> events, @Schema(nullable = true) String nextCursor) {

    /**
     * One audit event.
     *
     * @param seq its position in the workspace's chain: 1, 2, 3, ... without gaps
     * @param time when it was recorded
     * @param actor who did it: {@code admin}, {@code token:<id>} or {@code system:<name>}
     * @param action what was done, such as {@code data_source.create} or {@code credential.decrypt}
     * @param target what it was done to, such as {@code data_source:ds_...}, or null
     * @param detail small map of context; never a secret
     */
    @Schema(name = "AuditEvent")
    public record Event(long seq,
                        Instant time,
                        String actor,
                        String action,
                        @Schema(nullable = true) String target,
                        Map<String, String> detail) {
    }
}
