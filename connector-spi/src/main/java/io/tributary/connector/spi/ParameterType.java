package io.tributary.connector.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The type of a query parameter or a setting, and the Java type the connector receives after
 * validation.
 */
public enum ParameterType {
    /** A JSON string; a {@link String}. */
    STRING(String.class, "a string"),
    /** A JSON integer within the range of a long; a {@link Long}. */
    INTEGER(Long.class, "an integer"),
    /** Any JSON number; a {@link BigDecimal}. */
    NUMBER(BigDecimal.class, "a number"),
    /** A JSON boolean; a {@link Boolean}. */
    BOOLEAN(Boolean.class, "true or false"),
    /**
     * An instant, given as unix seconds (a JSON integer) or an ISO-8601 string with an offset
     * such as {@code 2026-01-31T00:00:00Z}; an {@link Instant}.
     */
    TIMESTAMP(Instant.class, "a time: unix seconds or an ISO-8601 string such as 2026-01-31T00:00:00Z"),
    /**
     * A JSON object, such as the named values a user-written query binds; an {@link ObjectNode},
     * handed out as a copy. Since SPI 2.1; takes no default, bounds, allowed values or pattern.
     */
    OBJECT(ObjectNode.class, "a JSON object");

    private final Class<?> javaType;
    private final String described;

    ParameterType(Class<?> javaType, String described) {
        this.javaType = javaType;
        this.described = described;
    }

    /**
     * The Java type of a validated value.
     *
     * @return the class
     */
    public Class<?> javaType() {
        return javaType;
    }

    /**
     * The type in words, to follow "must be" in an error message.
     *
     * @return such as {@code an integer}
     */
    public String described() {
        return described;
    }
}
