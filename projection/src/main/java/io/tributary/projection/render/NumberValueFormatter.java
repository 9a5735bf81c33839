package io.tributary.projection.render;

import io.tributary.projection.spec.NumberFormatSpec;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/** Formats the {@code number} format: grouped, e.g. 1,234.5, or compact, e.g. 1.2K. */
final class NumberValueFormatter {

    private static final int DEFAULT_MAX_DECIMALS = 2;
    private static final int DEFAULT_COMPACT_DECIMALS = 1;

    private NumberValueFormatter() {}

    static Optional<String> format(NumberFormatSpec spec, BigDecimal value, Locale locale) {
        if (spec.compact()) {
            return Decimals.compact(value, spec.decimals().orElse(DEFAULT_COMPACT_DECIMALS), locale);
        }
        int maxDecimals = spec.decimals().orElse(DEFAULT_MAX_DECIMALS);
        int minDecimals = spec.decimals().orElse(0);
        NumberFormat format = Decimals.configure(NumberFormat.getNumberInstance(locale), minDecimals, maxDecimals);
        return Optional.of(format.format(Decimals.round(value, maxDecimals)));
    }
}
