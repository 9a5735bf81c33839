package io.tributary.connector.spi;

import com.fasterxml.jackson.databind.JsonNode;
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
 * @param cursorField the field a person chose to read the stream by, one of its
 *     {@link StreamDescriptor#cursorChoices()}, or null for an ordinary read; when set, return the
 *     records in that field's order (then by key), from just after {@code after}. Since SPI 2.2.
 * @param after with {@code cursorField}: the greatest value of it read before, as the records
 *     carried it, or null to read from the start; a private copy
 * @param key for a stream with {@link StreamDescriptor#keyChoices()}: the fields a person chose to
 *     identify its records, in order; empty otherwise. Since SPI 2.2.
 */
public record StreamReadRequest(String stream, String cursor, CreatedWindow window, int pageSize, String cursorField, JsonNode after,
                                java.util.List<String> key) {

    /** Checks and copies the inputs. */
    public StreamReadRequest {
        Objects.requireNonNull(stream, "stream");
        Checks.optionalText(cursor, "cursor");
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 1000, not " + pageSize);
        }
        Checks.optionalText(cursorField, "cursorField");
        if (cursorField == null && after != null) {
            throw new IllegalArgumentException("'after' is a value of the chosen cursor field: give cursorField too");
        }
        if (cursorField != null && window != null) {
            throw new IllegalArgumentException("A read by a chosen cursor field takes no creation window");
        }
        after = after == null || after.isNull() ? null : after.deepCopy();
        key = key == null ? java.util.List.of() : java.util.List.copyOf(key);
    }

    /**
     * A read of one page, by creation time or whole.
     *
     * @param stream the stream's name
     * @param cursor where to continue, or null
     * @param window the creation window, or null
     * @param pageSize the most records, 1 to 1000
     */
    public StreamReadRequest(String stream, String cursor, CreatedWindow window, int pageSize) {
        this(stream, cursor, window, pageSize, null, null, java.util.List.of());
    }

    /**
     * This request with the key a person chose for the stream.
     *
     * @param chosenKey the fields, in order
     * @return the request
     */
    public StreamReadRequest withKey(java.util.List<String> chosenKey) {
        return new StreamReadRequest(stream, cursor, window, pageSize, cursorField, after, chosenKey);
    }

    /**
     * The value to read after.
     *
     * @return a copy, or null
     */
    @Override
    public JsonNode after() {
        return after == null ? null : after.deepCopy();
    }
}
