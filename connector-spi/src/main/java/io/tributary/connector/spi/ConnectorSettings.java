package io.tributary.connector.spi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A connector's settings from the server's configuration (under {@code connectors.<type id>}),
 * validated against {@link ConnectorFactory#settings()}: every value has its parameter's Java type
 * and defaults are filled in. Settings are the operator's, not a data source's, and hold no
 * secrets. Parsed once, when the connector is created.
 */
public final class ConnectorSettings {

    private final Map<String, Object> values;

    private ConnectorSettings(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Settings checked against a schema, defaults filled in.
     *
     * @param schema the connector's settings schema
     * @param values name to value, each of its spec's Java type
     * @return the settings
     * @throws IllegalArgumentException when a value is undeclared, of the wrong type or out of
     *     range, or a required setting is missing
     */
    public static ConnectorSettings of(List<ParameterSpec> schema, Map<String, ?> values) {
        return new ConnectorSettings(TypedValues.check(schema, values, "the connector's settings"));
    }

    /**
     * The defaults of a schema, as when nothing is configured.
     *
     * @param schema the connector's settings schema
     * @return the settings
     */
    public static ConnectorSettings defaults(List<ParameterSpec> schema) {
        return of(schema, Map.of());
    }

    /**
     * A {@code STRING} setting.
     *
     * @param name the setting
     * @return its value, or empty when not configured and without default
     */
    public Optional<String> string(String name) {
        return TypedValues.get(values, name, String.class, "the settings");
    }

    /**
     * An {@code INTEGER} setting.
     *
     * @param name the setting
     * @return its value, or empty when not configured and without default
     */
    public Optional<Long> integer(String name) {
        return TypedValues.get(values, name, Long.class, "the settings");
    }

    /**
     * A {@code NUMBER} setting.
     *
     * @param name the setting
     * @return its value, or empty when not configured and without default
     */
    public Optional<BigDecimal> number(String name) {
        return TypedValues.get(values, name, BigDecimal.class, "the settings");
    }

    /**
     * A {@code BOOLEAN} setting.
     *
     * @param name the setting
     * @return its value, or empty when not configured and without default
     */
    public Optional<Boolean> bool(String name) {
        return TypedValues.get(values, name, Boolean.class, "the settings");
    }

    /**
     * A {@code TIMESTAMP} setting.
     *
     * @param name the setting
     * @return its value, or empty when not configured and without default
     */
    public Optional<Instant> timestamp(String name) {
        return TypedValues.get(values, name, Instant.class, "the settings");
    }

    /**
     * Every value, by name.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectorSettings that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "ConnectorSettings" + new TreeMap<>(values);
    }
}
