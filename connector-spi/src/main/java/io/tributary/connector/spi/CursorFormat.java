package io.tributary.connector.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * How a stream's records write their creation time ({@link StreamDescriptor#cursorField()}), so
 * the host reads it the way the connector means it. A record whose value does not read in the
 * declared format is a connector defect; the contract test kit checks every record it reads.
 */
public enum CursorFormat {
    /** A JSON integer: seconds since the epoch, as Stripe writes {@code created}. */
    UNIX_SECONDS,
    /** A JSON integer: milliseconds since the epoch. */
    UNIX_MILLIS,
    /** A JSON string: an ISO-8601 time with an offset, such as {@code 2026-01-31T09:30:00Z}. */
    ISO_8601;

    /**
     * Reads a creation time written in this format.
     *
     * @param value the record's value at the cursor field; may be null or missing
     * @return the instant, or empty when the value is absent or not in this format
     */
    public Optional<Instant> read(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Optional.empty();
        }
        return switch (this) {
            case UNIX_SECONDS -> value.isIntegralNumber() && value.canConvertToLong()
                    ? safely(() -> Instant.ofEpochSecond(value.longValue())) : Optional.empty();
            case UNIX_MILLIS -> value.isIntegralNumber() && value.canConvertToLong()
                    ? safely(() -> Instant.ofEpochMilli(value.longValue())) : Optional.empty();
            case ISO_8601 -> value.isTextual() ? safely(() -> OffsetDateTime.parse(value.textValue()).toInstant()) : Optional.empty();
        };
    }

    private static Optional<Instant> safely(java.util.function.Supplier<Instant> reader) {
        try {
            return Optional.of(reader.get());
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
