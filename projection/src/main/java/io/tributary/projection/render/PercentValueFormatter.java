package io.tributary.projection.render;

import io.tributary.projection.spec.PercentFormatSpec;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Locale;

/** Formats {@code percent} and {@code percent-with-sign} with the locale's percent pattern. */
final class PercentValueFormatter {

    private static final int DEFAULT_MAX_DECIMALS = 1;

    private PercentValueFormatter() {}

    static String format(PercentFormatSpec spec, BigDecimal value, Locale locale) {
        BigDecimal points = spec.input() == PercentFormatSpec.Input.RATIO ? value.movePointRight(2) : value;
        int maxDecimals = spec.decimals().orElse(DEFAULT_MAX_DECIMALS);
        BigDecimal rounded = Decimals.round(points, maxDecimals);
        DecimalFormat format = Decimals.decimalFormat(
                Decimals.configure(NumberFormat.getPercentInstance(locale), spec.decimals().orElse(0), maxDecimals));
        // Zero gets no sign: "+0%" reads as a change that did not happen.
        if (spec.withSign() && rounded.signum() > 0) {
            format.setPositivePrefix("+" + format.getPositivePrefix());
        }
        // The JDK's percent format multiplies by 100, so hand it the ratio (exact for BigDecimal).
        return format.format(rounded.movePointLeft(2));
    }
}
