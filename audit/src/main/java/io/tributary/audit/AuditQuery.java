package io.tributary.audit;

import java.time.Instant;

/**
 * A filter over one workspace's events plus a page position; build with
 * {@link #forWorkspace(String)} and the {@code with...} methods. Null filters match everything.
 * Results come in seq order (oldest first).
 *
 * @param workspace the workspace to read (required)
 * @param actor only events by this actor, or null
 * @param action only events with this action, or null
 * @param since only events at or after this time, or null
 * @param until only events before this time, or null
 * @param cursor {@link AuditPage#nextCursor()} of the previous page, or null for the first page
 * @param limit most events per page, 1 to {@link #MAX_LIMIT}
 */
public record AuditQuery(String workspace, String actor, String action, Instant since, Instant until, String cursor, int limit) {

    /** Page size when none is given. */
    public static final int DEFAULT_LIMIT = 50;
    /** Largest page a caller may ask for. */
    public static final int MAX_LIMIT = 500;

    /** Validates the workspace, the limit and the time range. */
    public AuditQuery {
        if (workspace == null || workspace.isBlank()) {
            throw new IllegalArgumentException("workspace is required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since must be before until");
        }
    }

    /** All events of a workspace, first page, default page size. */
    public static AuditQuery forWorkspace(String workspace) {
        return new AuditQuery(workspace, null, null, null, null, null, DEFAULT_LIMIT);
    }

    /** This query restricted to one actor. */
    public AuditQuery withActor(String actor) {
        return new AuditQuery(workspace, actor, action, since, until, cursor, limit);
    }

    /** This query restricted to one action. */
    public AuditQuery withAction(String action) {
        return new AuditQuery(workspace, actor, action, since, until, cursor, limit);
    }

    /** This query restricted to events at or after {@code since}. */
    public AuditQuery withSince(Instant since) {
        return new AuditQuery(workspace, actor, action, since, until, cursor, limit);
    }

    /** This query restricted to events before {@code until}. */
    public AuditQuery withUntil(Instant until) {
        return new AuditQuery(workspace, actor, action, since, until, cursor, limit);
    }

    /** This query continuing after the page that returned {@code cursor}. */
    public AuditQuery withCursor(String cursor) {
        return new AuditQuery(workspace, actor, action, since, until, cursor, limit);
    }

    /** This query with another page size. */
    public AuditQuery withLimit(int limit) {
        return new AuditQuery(workspace, actor, action, since, until, cursor, limit);
    }
}
