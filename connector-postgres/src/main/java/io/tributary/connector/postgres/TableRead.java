package io.tributary.connector.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * What to read of a table stream, one page at a time.
 *
 * @param key the columns that identify a record, named by the user; empty for the primary key
 * @param cursorColumn the column an incremental read follows, null for a full refresh
 * @param highWater for an incremental read, the cursor value already read (rows above it are read),
 *     as records carry it: unix seconds for a timestamp, an ISO date text for a date, an integer;
 *     null to read from the start. Ignored for a full refresh.
 * @param pageCursor the previous page's {@code nextCursor}, or null for the first page
 * @param pageSize the most rows, 1 to {@value #MAX_PAGE_SIZE}
 */
record TableRead(List<String> key, String cursorColumn, JsonNode highWater, String pageCursor, int pageSize) {

    /** The SPI's limit on a page. */
    static final int MAX_PAGE_SIZE = 1000;

    /** Checks the page size and copies the key. */
    TableRead {
        key = List.copyOf(key);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", not " + pageSize);
        }
        if (cursorColumn == null && highWater != null) {
            throw new IllegalArgumentException("A high-water value needs a cursor column");
        }
    }

    /** Every row, ordered by the key. */
    static TableRead fullRefresh(List<String> key, String pageCursor, int pageSize) {
        return new TableRead(key, null, null, pageCursor, pageSize);
    }

    /** The rows whose cursor column is above the high-water value, ordered by it and then the key. */
    static TableRead incremental(String cursorColumn, JsonNode highWater, List<String> key, String pageCursor, int pageSize) {
        return new TableRead(key, Objects.requireNonNull(cursorColumn, "cursorColumn"), highWater, pageCursor, pageSize);
    }

    boolean isIncremental() {
        return cursorColumn != null;
    }
}
