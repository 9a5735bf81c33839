package io.tributary.connector.spi;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One parameter of a query type, or one setting of a connector: its name, type and constraints.
 * The host validates raw input against it before any connector code runs.
 *
 * <p>Start from a factory ({@link #string}, {@link #integer}, {@link #number}, {@link #bool},
 * {@link #timestamp}) and narrow it: {@code ParameterSpec.integer("limit", "How many.")
 * .between(1, 100).withDefault(10)}. Each step returns a new, checked value.
 */
// Serialised from its fields (named as its accessors), as it was as a record: hosts render forms from this JSON.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class ParameterSpec {

    private final String name;
    private final ParameterType type;
    private final String description;
    private final boolean required;
    private final Object defaultValue;
    private final BigDecimal minimum;
    private final BigDecimal maximum;
    private final List<String> allowedValues;
    private final String pattern;

    private ParameterSpec(String name, ParameterType type, String description, boolean required, Object defaultValue,
                          BigDecimal minimum, BigDecimal maximum, List<String> allowedValues, String pattern) {
        this.name = Checks.identifier(name, "Parameter name");
        this.type = Objects.requireNonNull(type, "type");
        this.description = Checks.text(description, "description");
        this.allowedValues = Checks.list(allowedValues, "allowedValues");
        this.minimum = minimum;
        this.maximum = maximum;
        this.pattern = pattern;
        this.required = required;
        boolean numeric = type == ParameterType.INTEGER || type == ParameterType.NUMBER;
        if (!numeric && (minimum != null || maximum != null)) {
            throw new IllegalArgumentException("Parameter '" + name + "': only INTEGER and NUMBER take bounds");
        }
        if (minimum != null && maximum != null && minimum.compareTo(maximum) > 0) {
            throw new IllegalArgumentException("Parameter '" + name + "': minimum is above maximum");
        }
        if (type != ParameterType.STRING && (!this.allowedValues.isEmpty() || pattern != null)) {
            throw new IllegalArgumentException("Parameter '" + name + "': only STRING takes allowed values or a pattern");
        }
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("Parameter '" + name + "' has an invalid pattern: " + e.getDescription(), e);
            }
        }
        this.defaultValue = normaliseDefault(name, type, defaultValue);
        if (required && this.defaultValue != null) {
            throw new IllegalArgumentException("Parameter '" + name + "' is required, so it cannot have a default");
        }
        if (this.defaultValue != null) {
            failure(this.defaultValue).ifPresent(failure -> {
                throw new IllegalArgumentException("Parameter '" + name + "': its default " + failure.reason());
            });
        }
    }

    /**
     * An optional string parameter.
     *
     * @param name the name: lower-case letters, digits and {@code _}
     * @param description what it means, for people
     * @return the spec
     */
    public static ParameterSpec string(String name, String description) {
        return of(name, ParameterType.STRING, description);
    }

    /**
     * An optional integer parameter (a {@link Long}).
     *
     * @param name the name
     * @param description what it means
     * @return the spec
     */
    public static ParameterSpec integer(String name, String description) {
        return of(name, ParameterType.INTEGER, description);
    }

    /**
     * An optional decimal parameter (a {@link BigDecimal}).
     *
     * @param name the name
     * @param description what it means
     * @return the spec
     */
    public static ParameterSpec number(String name, String description) {
        return of(name, ParameterType.NUMBER, description);
    }

    /**
     * An optional boolean parameter.
     *
     * @param name the name
     * @param description what it means
     * @return the spec
     */
    public static ParameterSpec bool(String name, String description) {
        return of(name, ParameterType.BOOLEAN, description);
    }

    /**
     * An optional instant parameter, given as unix seconds or an ISO-8601 time.
     *
     * @param name the name
     * @param description what it means
     * @return the spec
     */
    public static ParameterSpec timestamp(String name, String description) {
        return of(name, ParameterType.TIMESTAMP, description);
    }

    /**
     * An optional JSON object parameter (an {@link com.fasterxml.jackson.databind.node.ObjectNode}),
     * such as the named values a user-written query binds. Since SPI 2.1.
     *
     * @param name the name
     * @param description what it means
     * @return the spec
     */
    public static ParameterSpec object(String name, String description) {
        return of(name, ParameterType.OBJECT, description);
    }

    private static ParameterSpec of(String name, ParameterType type, String description) {
        return new ParameterSpec(name, type, description, false, null, null, null, List.of(), null);
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
     * This parameter with a default, used when it is not given.
     *
     * @param value a value of the parameter's type ({@code int} and {@code long} for INTEGER,
     *     any number for NUMBER)
     * @return a copy with the default
     */
    public ParameterSpec withDefault(Object value) {
        return new ParameterSpec(name, type, description, required, value, minimum, maximum, allowedValues, pattern);
    }

    /**
     * This numeric parameter, bounded.
     *
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return a copy with the bounds
     */
    public ParameterSpec between(long min, long max) {
        return between(BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    /**
     * This numeric parameter, bounded by decimals.
     *
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return a copy with the bounds
     */
    public ParameterSpec between(BigDecimal min, BigDecimal max) {
        return new ParameterSpec(name, type, description, required, defaultValue, Objects.requireNonNull(min, "min"),
                Objects.requireNonNull(max, "max"), allowedValues, pattern);
    }

    /**
     * This string parameter, limited to some values.
     *
     * @param values the values allowed
     * @return a copy with the allowed values
     */
    public ParameterSpec oneOf(String... values) {
        return new ParameterSpec(name, type, description, required, defaultValue, minimum, maximum, Arrays.asList(values), pattern);
    }

    /**
     * This string parameter, matching a regular expression as a whole.
     *
     * @param regex the pattern
     * @return a copy with the pattern
     */
    public ParameterSpec matching(String regex) {
        return new ParameterSpec(name, type, description, required, defaultValue, minimum, maximum, allowedValues,
                Objects.requireNonNull(regex, "regex"));
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the type */
    public ParameterType type() {
        return type;
    }

    /** @return what it means, for people */
    public String description() {
        return description;
    }

    /** @return whether it must be given */
    public boolean required() {
        return required;
    }

    /** @return the default (String, Long, BigDecimal or Boolean), or null for none */
    public Object defaultValue() {
        return defaultValue;
    }

    /** @return the smallest value allowed, or null */
    public BigDecimal minimum() {
        return minimum;
    }

    /** @return the largest value allowed, or null */
    public BigDecimal maximum() {
        return maximum;
    }

    /** @return the values allowed; empty for any */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** @return the pattern a string must match, or null */
    public String pattern() {
        return pattern;
    }

    /**
     * Whether a value of this parameter's Java type ({@link ParameterType#javaType()}) satisfies
     * its constraints. Hosts convert raw input to that type, then ask this.
     *
     * @param value the value, not null
     * @return the problem (with a stable code and a message that follows the name), or empty
     */
    public Optional<ValidationProblem> problemWith(Object value) {
        return failure(value).map(failure -> new ValidationProblem(name, failure.code(), "'" + name + "' " + failure.reason()));
    }

    /** What is wrong with a value, without the name, so a default's problem reads "its default must be...". */
    private Optional<Failure> failure(Object value) {
        Objects.requireNonNull(value, "value");
        if (!type.javaType().isInstance(value)) {
            return Optional.of(new Failure("wrong_type", "must be " + type.described()));
        }
        if (type == ParameterType.INTEGER || type == ParameterType.NUMBER) {
            BigDecimal number = value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf((Long) value);
            if (minimum != null && number.compareTo(minimum) < 0) {
                return Optional.of(new Failure("below_minimum", "must be at least " + minimum.toPlainString()));
            }
            if (maximum != null && number.compareTo(maximum) > 0) {
                return Optional.of(new Failure("above_maximum", "must be at most " + maximum.toPlainString()));
            }
        }
        if (type == ParameterType.STRING) {
            String text = (String) value;
            if (!allowedValues.isEmpty() && !allowedValues.contains(text)) {
                return Optional.of(new Failure("not_allowed", "must be one of " + String.join(", ", allowedValues)));
            }
            if (pattern != null && !Pattern.compile(pattern).matcher(text).matches()) {
                return Optional.of(new Failure("pattern_mismatch", "does not have the expected form (" + pattern + ")"));
            }
        }
        return Optional.empty();
    }

    private record Failure(String code, String reason) {
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
            case TIMESTAMP -> value instanceof Instant ? value : null;
            case OBJECT -> null; // an object default would be shared and mutable: none
        };
        if (normalised == null) {
            throw new IllegalArgumentException("Parameter '" + name + "': a default of type "
                    + value.getClass().getSimpleName() + " does not fit " + type);
        }
        return normalised;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterSpec that && name.equals(that.name) && type == that.type
                && description.equals(that.description) && required == that.required
                && Objects.equals(defaultValue, that.defaultValue) && Objects.equals(minimum, that.minimum)
                && Objects.equals(maximum, that.maximum) && allowedValues.equals(that.allowedValues)
                && Objects.equals(pattern, that.pattern);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, description, required, defaultValue, minimum, maximum, allowedValues, pattern);
    }

    @Override
    public String toString() {
        return "ParameterSpec[" + name + " " + type + (required ? ", required" : "")
                + (defaultValue != null ? ", default " + defaultValue : "") + "]";
    }
}
