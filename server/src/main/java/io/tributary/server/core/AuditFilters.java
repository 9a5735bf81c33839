package io.tributary.server.core;

import io.tributary.audit.AuditQuery;
import io.tributary.server.problems.InvalidInput;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The audit log's query parameters as the client sent them (strings, or null when absent), checked
 * and turned into an {@link AuditQuery}. A bad value is refused with 422 naming the parameter; an
 * empty value counts as absent.
 *
 * @param actor only events by this actor, such as {@code admin} or {@code token:<id>}
 * @param action only events with this action, such as {@code credential.decrypt}
 * @param since only events at or after this ISO-8601 instant, such as {@code 2025-03-01T12:00:00Z}
 * @param until only events before this ISO-8601 instant; must be after {@code since}
 * @param cursor the {@code nextCursor} of the previous page
 * @param limit events per page, 1 to {@link AuditQuery#MAX_LIMIT}; {@link AuditQuery#DEFAULT_LIMIT} when absent
 */
public record AuditFilters(String actor, String action, String since, String until, String cursor, String limit) {

    /** The query over {@code workspace} these filters describe. */
    public AuditQuery toQuery(String workspace) {
        Instant from = instant("since", since);
        Instant to = instant("until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInput("until", "'until' must be after 'since'");
        }
        return new AuditQuery(workspace, text(actor), text(action), from, to, text(cursor), pageSize());
    }

    private int pageSize() {
        String given = text(limit);
        if (given == null) {
            return AuditQuery.DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(given);
            if (value >= 1 && value <= AuditQuery.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, like an out-of-range number
        }
        throw new InvalidInput("limit", "'limit' must be a whole number from 1 to " + AuditQuery.MAX_LIMIT);
    }

    private static Instant instant(String field, String value) {
        String given = text(value);
        if (given == null) {
            return null;
        }
        try {
            return Instant.parse(given);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "'" + field + "' must be an ISO-8601 instant, such as 2025-03-01T12:00:00Z");
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
