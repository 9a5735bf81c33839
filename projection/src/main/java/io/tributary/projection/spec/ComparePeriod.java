package io.tributary.projection.spec;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How far back a field's {@code compare} looks: the widget shows the change against the value a day, a
 * week or a month before the render's "now". Calendar arithmetic in a time zone the caller passes, so
 * "a month" before March 31 is February 28 (or 29) and a day across a daylight-saving change is a
 * calendar day.
 */
public enum ComparePeriod {
    DAY,
    WEEK,
    MONTH;

    /** The period as written in a spec, e.g. {@code day}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The period written as {@code id}, if it names one. */
    public static Optional<ComparePeriod> fromId(String id) {
        return Arrays.stream(values()).filter(period -> period.id().equals(id)).findFirst();
    }

    /** The ids a spec may give, in order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ComparePeriod::id).toList();
    }

    /** The instant one period before {@code now}, counted in calendar units of {@code zone}. */
    public Instant before(Instant now, ZoneId zone) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        var local = now.atZone(zone);
        return switch (this) {
            case DAY -> local.minusDays(1).toInstant();
            case WEEK -> local.minusWeeks(1).toInstant();
            case MONTH -> local.minusMonths(1).toInstant();
        };
    }
}
