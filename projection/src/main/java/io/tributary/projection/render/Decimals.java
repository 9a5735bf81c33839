package io.tributary.projection.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/** Shared number-formatting steps: rounding, fraction digits and compact form. */
final class Decimals {

    /** Half-up, as people expect on a dashboard (the JDK's default is half-even). */
    static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private Decimals() {}

    /**
     * Rounds to at most {@code maxDecimals}. Rounding before formatting also avoids "-0": a BigDecimal
     * that rounds to zero has no sign, whereas DecimalFormat prints -0.001 as "-0".
     */
    static BigDecimal round(BigDecimal value, int maxDecimals) {
        return value.setScale(maxDecimals, ROUNDING);
    }

    /** Applies fraction digits and rounding to a JDK number format. */
    static <F extends NumberFormat> F configure(F format, int minDecimals, int maxDecimals) {
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(maxDecimals);
        format.setRoundingMode(ROUNDING);
        return format;
    }

    /**
     * The locale's decimal format. The JDK's locale providers always return a {@link DecimalFormat}; the
     * cast is what lets us read and adjust its prefixes and suffixes.
     */
    static DecimalFormat decimalFormat(NumberFormat format) {
        return (DecimalFormat) format;
    }

    /**
     * The locale's short compact form, e.g. 1.2K in en-US or 1,2 Mio. in de-DE, with at most
     * {@code maxDecimals} on abbreviated values, rounded half-up; empty when the value is too large to format.
     */
    static Optional<String> compact(BigDecimal value, int maxDecimals, Locale locale) {
        NumberFormat format = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
        BigDecimal rounded = roundAsCompacted(value, maxDecimals, format);
        // JDK 17's CompactNumberFormat ignores the fraction digits for BigDecimal input (1234 -> "1K"), so
        // it gets a double; the value is already rounded to what will be shown, so the double is exact enough.
        double approximate = rounded.doubleValue();
        if (!Double.isFinite(approximate)) {
            return Optional.empty();
        }
        return Optional.of(configure(format, 0, maxDecimals).format(approximate));
    }

    /**
     * Rounds to the digits the compact form will show. JDK 17's CompactNumberFormat rounds twice (first to
     * a whole number, then after dividing), so 1234.56 with two decimals came out as "1.24K"; handing it a
     * value that needs no further rounding avoids that. The divisor the locale uses at this magnitude
     * (1000 for "K" in English, 10000 for "万" in Japanese, none for thousands in German) is read off how
     * the formatter writes the power of ten of the same magnitude: "10K" shows 2 digits for 10^4, so the
     * divisor is 10^(4 - 2 + 1).
     */
    private static BigDecimal roundAsCompacted(BigDecimal value, int maxDecimals, NumberFormat compact) {
        BigDecimal magnitudeOf = value.abs();
        int divisorExponent = 0;
        if (magnitudeOf.compareTo(BigDecimal.ONE) >= 0) {
            int magnitude = magnitudeOf.precision() - magnitudeOf.scale() - 1;
            compact.setMaximumFractionDigits(0);
            String powerOfTen = compact.format(BigDecimal.ONE.movePointRight(magnitude).doubleValue());
            long shownDigits = powerOfTen.chars().filter(Character::isDigit).count();
            divisorExponent = (int) Math.max(0, magnitude - shownDigits + 1);
        }
        // Below the first abbreviation the compact form shows whole numbers (12.34 -> "12"), as CLDR says.
        int decimals = divisorExponent == 0 ? 0 : maxDecimals;
        BigDecimal rounded = value.movePointLeft(divisorExponent).setScale(decimals, ROUNDING).movePointRight(divisorExponent);
        return rounded.signum() == 0 ? BigDecimal.ZERO : rounded; // no "-0"
    }
}
