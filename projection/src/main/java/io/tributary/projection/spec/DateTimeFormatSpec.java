package io.tributary.projection.spec;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A point in time. Takes unix seconds (a fraction is dropped), an ISO-8601 date-time with
 * an offset or zone ({@code 2023-11-14T22:13:20Z}), or an ISO-8601 date ({@code 2023-11-14}, meaning the
 * start of that day in the render time zone). Shown in the render time zone and locale: by default in the
 * locale's medium date-time style, or per {@code style}, a {@code pattern}, or relative to "now".
 *
 * @param pattern  a {@link DateTimeFormatter} pattern such as {@code yyyy-MM-dd HH:mm}
 * @param style    a localized style for date and time
 * @param relative show as e.g. "5 minutes ago" or "in 3 days"
 */
public record DateTimeFormatSpec(Optional<String> pattern, Optional<FormatStyle> style, boolean relative)
        implements FormatSpec {

    public static final String NAME = "datetime";

    public DateTimeFormatSpec {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(style, "style");
        pattern.ifPresent(DateTimeFormatSpec::requireValidPattern);
        if (pattern.isPresent() && style.isPresent()) {
            throw new IllegalArgumentException("Give either pattern or style, not both");
        }
        if (relative && (pattern.isPresent() || style.isPresent())) {
            throw new IllegalArgumentException("relative cannot be combined with pattern or style");
        }
    }

    private static void requireValidPattern(String pattern) {
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("pattern must not be blank");
        }
        try {
            DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("pattern '" + pattern + "' is invalid: " + invalid.getMessage());
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
