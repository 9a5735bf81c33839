package io.tributary.connector.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A data source's decrypted credentials, by {@link CredentialField#name()}. Hold them only for the
 * operation at hand. {@link #toString()} names the fields and never shows a value, so logging a
 * credentials object by mistake leaks nothing.
 *
 * @param values field name to value
 */
public record Credentials(Map<String, String> values) {

    /** Copies the values; no key or value may be null. */
    public Credentials {
        Objects.requireNonNull(values, "values");
        values.forEach((key, value) -> {
            Objects.requireNonNull(key, "credential field name");
            Objects.requireNonNull(value, () -> "value of credential field " + key);
        });
        values = Map.copyOf(values);
    }

    /**
     * A field's value.
     *
     * @param field the field's name
     * @return the value, or empty when the field was not given
     */
    public Optional<String> find(String field) {
        return Optional.ofNullable(values.get(field));
    }

    /**
     * A field's value that must be present.
     *
     * @param field the field's name
     * @return the value
     * @throws ConnectorException {@link StandardErrorCode#CREDENTIALS_MALFORMED} when it is absent
     */
    public String require(String field) {
        String value = values.get(field);
        if (value == null) {
            throw new ConnectorException(StandardErrorCode.CREDENTIALS_MALFORMED,
                    "The credentials have no '" + field + "'", field, null, null, null);
        }
        return value;
    }

    @Override
    public String toString() {
        return "Credentials" + new TreeMap<>(values).keySet().stream().map(name -> name + "=***").toList();
    }
}
