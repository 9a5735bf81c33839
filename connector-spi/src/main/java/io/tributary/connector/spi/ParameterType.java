package io.tributary.connector.spi;

/**
 * The type of a query parameter, and the Java type {@link QueryParameters} hands the connector
 * after validation.
 */
public enum ParameterType {
    /** A JSON string; a {@link String}. */
    STRING,
    /** A JSON integer within the range of a long; a {@link Long}. */
    INTEGER,
    /** Any JSON number; a {@link java.math.BigDecimal}. */
    NUMBER,
    /** A JSON boolean; a {@link Boolean}. */
    BOOLEAN,
    /**
     * An instant, given as unix seconds (a JSON integer) or an ISO-8601 string with an offset
     * such as {@code 2026-01-31T00:00:00Z}; an {@link java.time.Instant}.
     */
    TIMESTAMP
}
