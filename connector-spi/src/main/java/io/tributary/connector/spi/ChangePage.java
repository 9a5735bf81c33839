package io.tributary.connector.spi;

import java.util.List;
import java.util.Objects;

/**
 * One page of a change feed.
 *
 * <p>A feed whose history is limited (Stripe keeps events for 30 days) cannot answer for a cursor
 * older than that history: the connector says so with {@link #expired()} instead of returning the
 * changes it still has, and the host reads the affected streams again in full. That is reported as
 * data, not thrown, because it is an expected state of a feed, not a failure.
 *
 * @param changes the changes, oldest first
 * @param nextCursor where the next read continues; never null, so a quiet feed keeps its place
 * @param hasMore whether more changes are waiting after this page
 * @param cursorExpired whether the cursor is older than the feed's history, so changes may have
 *     been lost; then {@code changes} is empty
 */
public record ChangePage(List<Change> changes, String nextCursor, boolean hasMore, boolean cursorExpired) {

    /** Checks and copies the inputs. */
    public ChangePage {
        changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
        Checks.text(nextCursor, "nextCursor");
        if (cursorExpired && (!changes.isEmpty() || hasMore)) {
            throw new IllegalArgumentException("An expired cursor's page carries no changes");
        }
    }

    /**
     * A page of changes.
     *
     * @param changes the changes, oldest first
     * @param nextCursor where the next read continues
     * @param hasMore whether more changes are waiting
     * @return the page
     */
    public static ChangePage of(List<Change> changes, String nextCursor, boolean hasMore) {
        return new ChangePage(changes, nextCursor, hasMore, false);
    }

    /**
     * The answer for a cursor older than the feed's history.
     *
     * @param restartCursor where a feed started now would begin, for after the host has read the
     *     streams again
     * @return the page
     */
    public static ChangePage expired(String restartCursor) {
        return new ChangePage(List.of(), restartCursor, false, true);
    }
}
