package io.tributary.connector.spi;

import java.util.Objects;

/**
 * A request for one page of a stream.
 *
 * @param stream the stream's name, one of the connector's
 * @param cursor where to continue, as returned in the previous page's
 *     {@link StreamPage#nextCursor()}, or null to start at the beginning
 * @param window only objects created in this window, or null for all; only for streams whose
 *     descriptor says {@link StreamDescriptor#createdFilter()}
 * @param pageSize the most records to return, 1 to 1000; a connector may return fewer
 */
public record StreamReadRequest(String stream, String cursor, CreatedWindow window, int pageSize) {

    /** Checks the inputs. */
    public StreamReadRequest {
        Objects.requireNonNull(stream, "stream");
        Checks.optionalText(cursor, "cursor");
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 1000, not " + pageSize);
        }
    }
}
