package io.tributary.connector.host;

import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.ParameterType;
import io.tributary.connector.spi.ValidationProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Validates an operator's connector settings against the connector's schema, once, at start-up.
 * Values come from a configuration file and environment variables, so a number or a boolean may
 * arrive as text; it is read as the schema's type. Every problem is reported at once, each naming
 * {@code connectors.<type id>.<key>}.
 */
public final class SettingsValidator {

    private static final com.fasterxml.jackson.databind.ObjectMapper OBJECTS = new com.fasterxml.jackson.databind.ObjectMapper();

    private SettingsValidator() {
    }

    /**
     * The validated settings.
     *
     * @param typeId the connector's type id, for messages
     * @param schema the connector's settings schema
     * @param raw the configured values; null or empty for none
     * @return the settings, defaults filled in
     * @throws ConnectorLoadException listing every problem
     */
    public static ConnectorSettings validate(String typeId, List<ParameterSpec> schema, Map<String, ?> raw) {
        List<String> problems = problems(typeId, schema, raw);
        if (!problems.isEmpty()) {
            throw new ConnectorLoadException("Invalid settings for connector '" + typeId + "': " + String.join("; ", problems), null);
        }
        Map<String, Object> typed = new HashMap<>();
        new TreeMap<>(raw == null ? Map.<String, Object>of() : raw).forEach((key, value) ->
                schema.stream().filter(spec -> spec.name().equals(key)).findFirst()
                        .ifPresent(spec -> typed.put(key, convert(value, spec.type()))));
        return ConnectorSettings.of(schema, typed);
    }

    /**
     * Every problem with the configured values.
     *
     * @param typeId the connector's type id
     * @param schema the settings schema
     * @param raw the configured values
     * @return one message per problem, each naming {@code connectors.<type id>.<key>}
     */
    public static List<String> problems(String typeId, List<ParameterSpec> schema, Map<String, ?> raw) {
        Map<String, ?> values = raw == null ? Map.of() : new TreeMap<>(raw);
        List<String> problems = new ArrayList<>();
        String prefix = "connectors." + typeId + ".";
        values.forEach((key, value) -> {
            Optional<ParameterSpec> spec = schema.stream().filter(candidate -> candidate.name().equals(key)).findFirst();
            if (spec.isEmpty()) {
                String known = schema.isEmpty() ? "it takes no settings"
                        : "its settings are " + String.join(", ", schema.stream().map(ParameterSpec::name).toList());
                problems.add(prefix + key + " is not a setting of connector '" + typeId + "' (" + known + ")");
                return;
            }
            Object converted = value == null ? null : convert(value, spec.get().type());
            if (converted == null) {
                problems.add(prefix + key + " must be " + spec.get().type().described());
                return;
            }
            Optional<ValidationProblem> problem = spec.get().problemWith(converted);
            problem.ifPresent(found -> problems.add(prefix + found.message().replaceFirst("^'[^']*' ", key + " ")));
        });
        for (ParameterSpec spec : schema) {
            if (spec.required() && !values.containsKey(spec.name())) {
                problems.add(prefix + spec.name() + " is required (" + spec.description() + ")");
            }
        }
        return List.copyOf(problems);
    }

    private static Object convert(Object value, ParameterType type) {
        String text = value instanceof String string ? string.trim() : null;
        try {
            return switch (type) {
                case STRING -> value instanceof String string ? string : null;
                case INTEGER -> value instanceof Long || value instanceof Integer || value instanceof Short
                        ? Long.valueOf(((Number) value).longValue())
                        : text != null ? Long.valueOf(Long.parseLong(text)) : null;
                case NUMBER -> value instanceof BigDecimal decimal ? decimal
                        : value instanceof Number number ? new BigDecimal(number.toString())
                        : text != null ? new BigDecimal(text) : null;
                case BOOLEAN -> value instanceof Boolean flag ? flag
                        : "true".equalsIgnoreCase(text) ? Boolean.TRUE : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
                case TIMESTAMP -> timestamp(value, text);
                // A YAML mapping arrives as a Map; Jackson turns it into the object the connector reads.
                case OBJECT -> value instanceof java.util.Map<?, ?> map ? OBJECTS.valueToTree(map) : null;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    /** Unix seconds (a number or digits) or an ISO-8601 time, as {@link ParameterType#TIMESTAMP} describes itself. */
    private static Instant timestamp(Object value, String text) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Long || value instanceof Integer) {
            return Instant.ofEpochSecond(((Number) value).longValue());
        }
        if (text == null) {
            return null;
        }
        return text.matches("\\d{1,12}") ? Instant.ofEpochSecond(Long.parseLong(text)) : OffsetDateTime.parse(text).toInstant();
    }
}
