package io.tributary.connector.spi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Values checked against a schema of {@link ParameterSpec}s: shared by parameters and settings. */
final class TypedValues {

    private TypedValues() {
    }

    /**
     * Checks values against their specs and fills in defaults.
     *
     * @throws IllegalArgumentException naming {@code what} and the first problem
     */
    static Map<String, Object> check(List<ParameterSpec> specs, Map<String, ?> values, String what) {
        Objects.requireNonNull(values, "values");
        Map<String, Object> checked = new HashMap<>();
        values.forEach((name, value) -> {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, () -> "value of " + name);
            ParameterSpec spec = specs.stream().filter(candidate -> candidate.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not declared by " + what));
            Object normalised = value instanceof Integer number ? Long.valueOf(number)
                    : value instanceof com.fasterxml.jackson.databind.node.ObjectNode object ? object.deepCopy() : value;
            Optional<ValidationProblem> problem = spec.problemWith(normalised);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(what + ": " + problem.get().message());
            }
            checked.put(name, normalised);
        });
        for (ParameterSpec spec : specs) {
            if (!checked.containsKey(spec.name())) {
                if (spec.required()) {
                    throw new IllegalArgumentException(what + ": '" + spec.name() + "' is required");
                }
                if (spec.defaultValue() != null) {
                    checked.put(spec.name(), spec.defaultValue());
                }
            }
        }
        return Map.copyOf(checked);
    }

    static <T> Optional<T> get(Map<String, Object> values, String name, Class<T> type, String what) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("'" + name + "' of " + what + " is a "
                    + value.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return Optional.of(type.cast(value));
    }
}
