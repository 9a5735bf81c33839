package io.tributary.projection.render;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything rendering depends on besides the spec and the result. Passing these in (rather than reading
 * the JVM's defaults, a clock or a vendor's currency table) keeps rendering a pure function: same inputs,
 * same widget data.
 *
 * @param locale     how numbers, currencies and dates are written
 * @param zone       the time zone dates are shown in
 * @param now        the instant relative times ("5 minutes ago") are measured from
 * @param minorUnits how the system the result came from writes money: each currency's exponent and the
 *                   decimals shown by default (the connector's table; ISO 4217 for currencies it does not list)
 * @param previous   the values compared fields had a period before {@code now} ({@code compare} in a spec);
 *                   none unless given
 */
public record RenderContext(Locale locale, ZoneId zone, Instant now, MinorUnitTable minorUnits, PreviousValues previous) {

    /** The locale used unless the viewer's is known: en-US. */
    public static final Locale DEFAULT_LOCALE = Locale.US;

    /** The time zone used unless the viewer's is known: UTC. */
    public static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;

    public RenderContext {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(minorUnits, "minorUnits");
        Objects.requireNonNull(previous, "previous");
    }

    /** A context without previous values. */
    public RenderContext(Locale locale, ZoneId zone, Instant now, MinorUnitTable minorUnits) {
        this(locale, zone, now, minorUnits, PreviousValues.NONE);
    }

    /** en-US, UTC and ISO 4217 minor units, at the given instant. */
    public static RenderContext at(Instant now) {
        return new RenderContext(DEFAULT_LOCALE, DEFAULT_ZONE, now, MinorUnitTable.ISO_4217);
    }

    /** The same context in another locale. */
    public RenderContext withLocale(Locale otherLocale) {
        return new RenderContext(otherLocale, zone, now, minorUnits, previous);
    }

    /** The same context in another time zone. */
    public RenderContext withZone(ZoneId otherZone) {
        return new RenderContext(locale, otherZone, now, minorUnits, previous);
    }

    /** The same context reading amounts by another table, such as the connector's that produced the result. */
    public RenderContext withMinorUnits(MinorUnitTable otherMinorUnits) {
        return new RenderContext(locale, zone, now, otherMinorUnits, previous);
    }

    /** The same context with the values compared fields had earlier. */
    public RenderContext withPrevious(PreviousValues otherPrevious) {
        return new RenderContext(locale, zone, now, minorUnits, otherPrevious);
    }
}
