package io.tributary.projection.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.projection.spec.DateTimeFormatSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Formats the {@code datetime} format. Accepts unix seconds (any fraction is dropped), an ISO-8601
 * date-time with offset or zone, or an ISO-8601 date (start of that day in the render zone).
 */
final class DateTimeValueFormatter {

    // ISO parsing does not depend on the locale, but say so rather than inherit the JVM default.
    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ISO_DATE_TIME.withLocale(Locale.ROOT);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE.withLocale(Locale.ROOT);
    private static final BigDecimal MAX_EPOCH_SECOND = BigDecimal.valueOf(Instant.MAX.getEpochSecond());
    private static final BigDecimal MIN_EPOCH_SECOND = BigDecimal.valueOf(Instant.MIN.getEpochSecond());

    private DateTimeValueFormatter() {}

    static Optional<String> format(DateTimeFormatSpec spec, JsonNode value, RenderContext context) {
        Optional<Instant> instant = toInstant(value, context.zone());
        if (instant.isEmpty()) {
            return Optional.empty();
        }
        if (spec.relative()) {
            return Optional.of(RelativeTimeFormatter.format(instant.get(), context.now(), context.locale()));
        }
        DateTimeFormatter formatter = spec.pattern()
                .map(pattern -> DateTimeFormatter.ofPattern(pattern, context.locale()))
                .orElseGet(() -> DateTimeFormatter.ofLocalizedDateTime(spec.style().orElse(FormatStyle.MEDIUM))
                        .withLocale(context.locale()));
        try {
            return Optional.of(formatter.format(instant.get().atZone(context.zone())));
        } catch (DateTimeException outOfRange) {
            return Optional.empty(); // instants near Instant.MIN/MAX have no date in some zones
        }
    }

    static Optional<Instant> toInstant(JsonNode value, ZoneId zone) {
        if (value.isNumber()) {
            return JsonNumbers.decimal(value)
                    .map(seconds -> seconds.setScale(0, RoundingMode.FLOOR))
                    .filter(seconds -> seconds.compareTo(MIN_EPOCH_SECOND) >= 0 && seconds.compareTo(MAX_EPOCH_SECOND) <= 0)
                    .map(seconds -> Instant.ofEpochSecond(seconds.longValueExact()));
        }
        if (value.isTextual()) {
            return parseIso(value.textValue(), zone);
        }
        return Optional.empty();
    }

    private static Optional<Instant> parseIso(String text, ZoneId zone) {
        try {
            return Optional.of(ISO_DATE_TIME.parse(text, ZonedDateTime::from).toInstant());
        } catch (DateTimeException notADateTimeWithZone) {
            // try a plain date next
        }
        try {
            return Optional.of(ISO_DATE.parse(text, LocalDate::from).atStartOfDay(zone).toInstant());
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }
}
