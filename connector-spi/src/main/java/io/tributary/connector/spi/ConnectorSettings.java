package io.tributary.connector.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A connector's settings from the server's configuration (under {@code connectors.<type id>}),
 * such as an API base URL. Settings are the operator's, not a data source's, and hold no secrets.
 *
 * @param values setting name to value
 */
public record ConnectorSettings(Map<String, String> values) {

    /** No settings at all. */
    public static final ConnectorSettings EMPTY = new ConnectorSettings(Map.of());

    /** Copies the values; no key or value may be null. */
    public ConnectorSettings {
        Objects.requireNonNull(values, "values");
        values = Map.copyOf(values);
    }

    /**
     * A setting's value.
     *
     * @param name the setting
     * @return its value, or empty when not configured
     */
    public Optional<String> find(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * A setting's value, or a default.
     *
     * @param name the setting
     * @param defaultValue the value when not configured
     * @return the value
     */
    public String get(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }
}
