package io.tributary.connector.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One page of a stream.
 *
 * @param records the objects, each carrying the stream's primary key and cursor field; private
 *     copies
 * @param nextCursor the cursor to pass for the next page, or null when this is the last one
 */
public record StreamPage(List<ObjectNode> records, String nextCursor) {

    /** Copies the records. */
    public StreamPage {
        Objects.requireNonNull(records, "records");
        records = records.stream().map(record -> Objects.requireNonNull(record, "record").deepCopy()).toList();
        Checks.optionalText(nextCursor, "nextCursor");
    }

    /**
     * Whether another page follows.
     *
     * @return true when {@link #nextCursor()} is set
     */
    public boolean hasMore() {
        return nextCursor != null;
    }
}
