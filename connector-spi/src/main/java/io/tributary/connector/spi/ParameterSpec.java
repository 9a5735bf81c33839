package io.tributary.connector.spi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One parameter of a {@link QueryType}: its name, type and constraints. Build one with the static
 * factories and the {@code with...} methods, for example
 * {@code ParameterSpec.integer("limit", "How many charges").between(1, 100).withDefault(10L)}.
 *
 * @param name the name in the parameters object, such as {@code limit}
 * @param type the type
 * @param description what it does, for people
 * @param required whether the caller must give it; a required parameter has no default
 * @param defaultValue the value used when it is absent ({@link String}, {@link Long},
 *     {@link BigDecimal} or {@link Boolean}, matching the type), or null for none
 * @param minimum the smallest allowed value of an {@code INTEGER} or {@code NUMBER}, or null
 * @param maximum the largest allowed value of an {@code INTEGER} or {@code NUMBER}, or null
 * @param allowedValues the only values a {@code STRING} may take; empty for any
 * @param pattern a regular expression a whole {@code STRING} must match, or null
 */
public record ParameterSpec(String name, ParameterType type, String description, boolean required,
                            Object defaultValue, BigDecimal minimum, BigDecimal maximum,
                            List<String> allowedValues, String pattern) {

    /** Checks that the constraints fit the type and that a default satisfies them. */
    public ParameterSpec {
        Checks.identifier(name, "Parameter name");
        Objects.requireNonNull(type, "type");
        Checks.text(description, "description");
        allowedValues = Checks.list(allowedValues, "allowedValues");
        defaultValue = normaliseDefault(name, type, defaultValue);
        boolean numeric = type == ParameterType.INTEGER || type == ParameterType.NUMBER;
        if (!numeric && (minimum != null || maximum != null)) {
            throw new IllegalArgumentException("Parameter '" + name + "': only INTEGER and NUMBER take bounds");
        }
        if (minimum != null && maximum != null && minimum.compareTo(maximum) > 0) {
            throw new IllegalArgumentException("Parameter '" + name + "': minimum is above maximum");
        }
        if (type != ParameterType.STRING && (!allowedValues.isEmpty() || pattern != null)) {
            throw new IllegalArgumentException("Parameter '" + name + "': only STRING takes allowed values or a pattern");
        }
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("Parameter '" + name + "' has an invalid pattern: " + e.getDescription(), e);
            }
        }
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("Parameter '" + name + "' is required, so it cannot have a default");
        }
        if (defaultValue != null) {
            ParameterValidator.Violation violation =
                    ParameterValidator.violation(defaultValue, type, minimum, maximum, allowedValues, pattern);
            if (violation != null) {
                throw new IllegalArgumentException("Parameter '" + name + "': its default " + violation.reason());
            }
        }
    }

    /**
     * An optional string parameter.
     *
     * @param name the name
     * @param description what it does
     * @return the parameter
     */
    public static ParameterSpec string(String name, String description) {
        return new ParameterSpec(name, ParameterType.STRING, description, false, null, null, null, List.of(), null);
    }

    /**
     * An optional integer parameter.
     *
     * @param name the name
     * @param description what it does
     * @return the parameter
     */
    public static ParameterSpec integer(String name, String description) {
        return new ParameterSpec(name, ParameterType.INTEGER, description, false, null, null, null, List.of(), null);
    }

    /**
     * An optional decimal parameter.
     *
     * @param name the name
     * @param description what it does
     * @return the parameter
     */
    public static ParameterSpec number(String name, String description) {
        return new ParameterSpec(name, ParameterType.NUMBER, description, false, null, null, null, List.of(), null);
    }

    /**
     * An optional boolean parameter.
     *
     * @param name the name
     * @param description what it does
     * @return the parameter
     */
    public static ParameterSpec bool(String name, String description) {
        return new ParameterSpec(name, ParameterType.BOOLEAN, description, false, null, null, null, List.of(), null);
    }

    /**
     * An optional instant parameter.
     *
     * @param name the name
     * @param description what it does
     * @return the parameter
     */
    public static ParameterSpec timestamp(String name, String description) {
        return new ParameterSpec(name, ParameterType.TIMESTAMP, description, false, null, null, null, List.of(), null);
    }

    /**
     * This parameter, required.
     *
     * @return a copy that must be given
     */
    public ParameterSpec asRequired() {
        return new ParameterSpec(name, type, description, true, defaultValue, minimum, maximum, allowedValues, pattern);
    }

    /**
     * This parameter with a default value.
     *
     * @param value the default, of the Java type matching {@link #type()}
     * @return a copy with the default
     */
    public ParameterSpec withDefault(Object value) {
        return new ParameterSpec(name, type, description, required, value, minimum, maximum, allowedValues, pattern);
    }

    /**
     * This numeric parameter with inclusive bounds.
     *
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return a copy with the bounds
     */
    public ParameterSpec between(long min, long max) {
        return new ParameterSpec(name, type, description, required, defaultValue, BigDecimal.valueOf(min),
                BigDecimal.valueOf(max), allowedValues, pattern);
    }

    /**
     * This string parameter, restricted to some values.
     *
     * @param values the allowed values
     * @return a copy with the allowed values
     */
    public ParameterSpec oneOf(String... values) {
        return new ParameterSpec(name, type, description, required, defaultValue, minimum, maximum, List.of(values), pattern);
    }

    /**
     * This string parameter, restricted to a pattern.
     *
     * @param regex a regular expression the whole value must match
     * @return a copy with the pattern
     */
    public ParameterSpec matching(String regex) {
        return new ParameterSpec(name, type, description, required, defaultValue, minimum, maximum, allowedValues, regex);
    }

    private static Object normaliseDefault(String name, ParameterType type, Object value) {
        if (value == null) {
            return null;
        }
        Object normalised = switch (type) {
            case STRING -> value instanceof String ? value : null;
            case INTEGER -> value instanceof Long || value instanceof Integer || value instanceof Short
                    ? Long.valueOf(((Number) value).longValue()) : null;
            case NUMBER -> value instanceof BigDecimal ? value
                    : value instanceof Long || value instanceof Integer ? BigDecimal.valueOf(((Number) value).longValue())
                    : value instanceof Double || value instanceof Float ? BigDecimal.valueOf(((Number) value).doubleValue())
                    : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case TIMESTAMP -> null;
        };
        if (normalised == null) {
            throw new IllegalArgumentException("Parameter '" + name + "': a default of type "
                    + value.getClass().getSimpleName() + " does not fit " + type);
        }
        return normalised;
    }
}
