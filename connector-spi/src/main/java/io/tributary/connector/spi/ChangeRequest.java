package io.tributary.connector.spi;

import java.util.Objects;
import java.util.Set;

/**
 * A request for the next changes of a connector's change feed: what changed in the outside system
 * after a position, for the streams the host mirrors.
 *
 * @param cursor where the previous read stopped, as returned by {@link ChangeFeed#start}
 *     or a previous page's {@link ChangePage#nextCursor()}; opaque to the host
 * @param streams the streams whose changes the host wants; changes to other streams are left out
 * @param pageSize the most changes to return, 1 to 1000; a connector may return fewer
 */
public record ChangeRequest(String cursor, Set<String> streams, int pageSize) {

    /** Checks and copies the inputs. */
    public ChangeRequest {
        Checks.text(cursor, "cursor");
        streams = Set.copyOf(Objects.requireNonNull(streams, "streams"));
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 1000, not " + pageSize);
        }
    }
}
