package io.tributary.connector.stripe;

import java.math.BigDecimal;
import java.math.MathContext;

/** Normalises an amount billed every {@code intervalCount} intervals to one month. */
final class RecurringAmount {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private RecurringAmount() {
    }

    /**
     * The monthly equivalent: monthly / count, yearly / 12 / count, weekly x 52 / 12 / count,
     * daily x 365 / 12 / count.
     *
     * @param amount the amount billed each period
     * @param interval Stripe's interval: day, week, month or year
     * @param intervalCount how many intervals a period spans, at least 1
     * @return the amount per month, unrounded
     * @throws IllegalArgumentException for an unknown interval
     */
    static BigDecimal perMonth(BigDecimal amount, String interval, long intervalCount) {
        BigDecimal count = BigDecimal.valueOf(Math.max(1, intervalCount));
        BigDecimal monthly = switch (interval) {
            case "month" -> amount;
            case "year" -> amount.divide(TWELVE, PRECISION);
            case "week" -> amount.multiply(BigDecimal.valueOf(52)).divide(TWELVE, PRECISION);
            case "day" -> amount.multiply(BigDecimal.valueOf(365)).divide(TWELVE, PRECISION);
            default -> throw new IllegalArgumentException("Unknown billing interval: " + interval);
        };
        return monthly.divide(count, PRECISION);
    }
}
