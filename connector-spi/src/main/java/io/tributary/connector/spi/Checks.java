package io.tributary.connector.spi;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Argument checks shared by the SPI's records, so every record fails the same way. */
final class Checks {

    /** Identifiers: lower-case words, as used in type ids, field and parameter names. */
    static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

    private Checks() {
    }

    static String identifier(String value, String what) {
        Objects.requireNonNull(value, what);
        if (!IDENTIFIER.matcher(value).matches() || value.length() > 64) {
            throw new IllegalArgumentException(what + " must be lower-case letters, digits and '_', starting with a letter: '" + value + "'");
        }
        return value;
    }

    static String text(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static String optionalText(String value, String what) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(what + " must be null or not blank");
        }
        return value;
    }

    static <T> List<T> list(List<T> values, String what) {
        Objects.requireNonNull(values, what);
        for (T value : values) {
            Objects.requireNonNull(value, () -> what + " must not contain null");
        }
        return List.copyOf(values);
    }

    static <T> void unique(List<T> values, Function<T, String> key, String what) {
        Set<String> seen = new HashSet<>();
        for (T value : values) {
            if (!seen.add(key.apply(value))) {
                throw new IllegalArgumentException(what + " '" + key.apply(value) + "' is declared twice");
            }
        }
    }
}
