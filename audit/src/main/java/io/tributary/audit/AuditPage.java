package io.tributary.audit;

import java.util.List;
import java.util.Optional;

/**
 * One page of query results.
 *
 * @param events the events, in seq order
 * @param nextCursor pass to {@link AuditQuery#withCursor(String)} for the next page; empty on the last page
 */
public record AuditPage(List<AuditEvent> events, Optional<String> nextCursor) {

    /** Copies the list so the page cannot change. */
    public AuditPage {
        events = List.copyOf(events);
    }
}
