package io.tributary.server.core;

import io.tributary.server.problems.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The window and step of a history request, checked: {@code from} and {@code to} as instants
 * (default: the last 7 days), {@code from} also as a length before {@code to} ({@code 24h}, {@code 30d}), {@code step} as seconds or with a unit ({@code 300}, {@code 5m},
 * {@code 1h}, {@code 1d}; default: about 200 points over the window, whole minutes).
 */
record HistoryQuery(Instant from, Instant to, long stepSeconds) {

    static final Duration DEFAULT_RANGE = Duration.ofDays(7);
    static final long MIN_STEP = 60;
    static final long MAX_STEP = Duration.ofDays(366).toSeconds();
    /** The most points one series may have. */
    static final long MAX_POINTS = 10_000;
    private static final Pattern STEP = Pattern.compile("([0-9]{1,9})([smhd]?)");

    static HistoryQuery of(String from, String to, String step, Instant now) {
        Instant end = to == null || to.isBlank() ? now : instant(to, "to");
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_RANGE)
                : STEP.matcher(from.trim()).matches() ? end.minusSeconds(seconds(from)) : instant(from, "from");
        if (!start.isBefore(end)) {
            throw new InvalidInput("from", "from must be before to");
        }
        long range = Duration.between(start, end).toSeconds();
        long seconds = step == null || step.isBlank() ? Math.max(MIN_STEP, (range / 200 + 59) / 60 * 60) : step(step);
        if (range / seconds > MAX_POINTS) {
            throw new InvalidInput("step", "That step gives more than " + MAX_POINTS + " points over the window: use a longer step");
        }
        return new HistoryQuery(start, end, seconds);
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, field + " must be an instant, such as 2026-01-31T00:00:00Z");
        }
    }

    private static long step(String value) {
        Matcher matcher = STEP.matcher(value.trim());
        if (!matcher.matches()) {
            throw new InvalidInput("step", "step is seconds, or a number with s, m, h or d (such as 5m or 1h)");
        }
        long seconds = seconds(value);
        if (seconds < MIN_STEP || seconds > MAX_STEP) {
            throw new InvalidInput("step", "step must be 1 minute to 366 days");
        }
        return seconds;
    }

    /** A length such as {@code 90}, {@code 5m}, {@code 24h} or {@code 30d}, in seconds; the caller has matched {@link #STEP}. */
    private static long seconds(String value) {
        Matcher matcher = STEP.matcher(value.trim());
        matcher.matches();
        long number = Long.parseLong(matcher.group(1));
        long seconds = switch (matcher.group(2)) {
            case "m" -> number * 60;
            case "h" -> number * 3600;
            case "d" -> number * 86_400;
            default -> number;
        };
        return seconds;
    }
}
