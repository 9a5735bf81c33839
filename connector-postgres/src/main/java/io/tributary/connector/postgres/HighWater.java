package io.tributary.connector.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.spi.ConnectorException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A high-water value, as records carry it, turned into the text PostgreSQL reads for the cursor
 * column's type, to be bound (never written into the SQL). Timestamps in records are whole unix
 * seconds, so {@code > high water} may read again the rows of the last second: never fewer rows,
 * which is the safe side for records identified by their key.
 */
final class HighWater {

    private static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private HighWater() {
    }

    /**
     * @param databaseType the cursor column's type, one of {@link TableStream#CURSOR_TYPES}
     * @param value an integer for integers, unix seconds (or an ISO instant) for timestamps, an ISO date for dates
     * @return the value as PostgreSQL text of that type; a timestamp without time zone as UTC, as records read it
     * @throws ConnectorException {@code postgres.invalid_high_water} for a value that does not fit
     */
    static String text(String databaseType, JsonNode value) {
        try {
            return switch (databaseType) {
                case "int2", "int4", "int8" -> Long.toString(integer(value));
                case "timestamptz" -> UTC_TEXT.format(instant(value)) + "+00";
                case "timestamp" -> UTC_TEXT.format(instant(value));
                case "date" -> LocalDate.parse(textual(value)).toString();
                default -> throw new IllegalArgumentException("Not a cursor type: " + databaseType);
            };
        } catch (DateTimeException | IllegalStateException e) {
            throw new ConnectorException(PostgresErrorCodes.INVALID_HIGH_WATER, "The high-water value " + describe(value)
                    + " does not fit a cursor column of type " + databaseType + ": give " + expected(databaseType),
                    "high_water", null, null, null);
        }
    }

    private static long integer(JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalStateException("not an integer");
        }
        return value.longValue();
    }

    private static Instant instant(JsonNode value) {
        return value.isTextual() ? Instant.parse(value.textValue()) : Instant.ofEpochSecond(integer(value));
    }

    private static String textual(JsonNode value) {
        if (!value.isTextual()) {
            throw new IllegalStateException("not text");
        }
        return value.textValue();
    }

    private static String expected(String databaseType) {
        return switch (databaseType) {
            case "date" -> "an ISO date such as \"2024-01-31\"";
            case "timestamptz", "timestamp" -> "unix seconds, or an ISO instant such as \"2024-01-31T10:00:00Z\"";
            default -> "an integer";
        };
    }

    /** The value for a message: short, since it may be anything the caller sent. */
    private static String describe(JsonNode value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
