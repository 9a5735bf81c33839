package io.tributary.connector.stripe.fake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** Billing period arithmetic in UTC: the period of a cycle that contains a given instant. */
final class BillingPeriods {

    private BillingPeriods() {
    }

    /**
     * The period {@code [start, end)} of the cycle anchored at {@code anchor} that contains
     * {@code at}; the first period when {@code at} is before the anchor.
     *
     * @return {@code {start, end}} in epoch seconds
     */
    static long[] containing(long anchor, String interval, int intervalCount, long at) {
        ChronoUnit unit = unit(interval);
        long step = (unit == ChronoUnit.WEEKS ? 7L : 1L) * intervalCount;
        ChronoUnit stepUnit = unit == ChronoUnit.WEEKS ? ChronoUnit.DAYS : unit;
        ZonedDateTime start = Instant.ofEpochSecond(anchor).atZone(ZoneOffset.UTC);
        ZonedDateTime target = Instant.ofEpochSecond(Math.max(anchor, at)).atZone(ZoneOffset.UTC);
        long cycles = stepUnit.between(start, target) / step;
        ZonedDateTime periodStart = start.plus(cycles * step, stepUnit);
        if (periodStart.isAfter(target)) {
            periodStart = start.plus((cycles - 1) * step, stepUnit);
        }
        ZonedDateTime periodEnd = periodStart.plus(step, stepUnit);
        if (!periodEnd.isAfter(target)) {
            periodStart = periodEnd;
            periodEnd = periodStart.plus(step, stepUnit);
        }
        return new long[] {periodStart.toEpochSecond(), periodEnd.toEpochSecond()};
    }

    private static ChronoUnit unit(String interval) {
        return switch (interval) {
            case "day" -> ChronoUnit.DAYS;
            case "week" -> ChronoUnit.WEEKS;
            case "month" -> ChronoUnit.MONTHS;
            case "year" -> ChronoUnit.YEARS;
            default -> throw new IllegalArgumentException("Unknown interval " + interval);
        };
    }
}
