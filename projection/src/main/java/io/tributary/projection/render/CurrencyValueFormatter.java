package io.tributary.projection.render;

import io.tributary.projection.spec.CurrencyFormatSpec;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * Formats the {@code currency} format with the locale's currency pattern, e.g. $1,234.56 or 1.234,56 €.
 * Amounts in minor units are divided by the currency's exponent from the context's {@link MinorUnitTable}.
 */
final class CurrencyValueFormatter {

    private static final int COMPACT_DEFAULT_DECIMALS = 1;
    private static final String NO_BREAK_SPACE = "\u00A0";

    private CurrencyValueFormatter() {}

    static Optional<String> format(CurrencyFormatSpec spec, BigDecimal amount, Currency currency, RenderContext context) {
        MinorUnitTable units = context.minorUnits();
        BigDecimal major = spec.minorUnits() ? amount.movePointLeft(units.exponent(currency)) : amount;
        DecimalFormat format = currencyFormat(currency, context.locale());
        if (spec.compact()) {
            return compact(format, major, spec.decimals().orElse(COMPACT_DEFAULT_DECIMALS), context.locale());
        }
        int decimals = spec.decimals().orElse(units.displayDecimals(currency));
        Decimals.configure(format, decimals, decimals);
        return Optional.of(format.format(Decimals.round(major, decimals)));
    }

    /** The locale's compact number wrapped in the locale's currency prefix and suffix, e.g. $1.2K. */
    private static Optional<String> compact(DecimalFormat format, BigDecimal major, int maxDecimals, Locale locale) {
        boolean negative = Decimals.round(major, maxDecimals).signum() < 0;
        return Decimals.compact(major.abs(), maxDecimals, locale).map(number -> negative
                ? format.getNegativePrefix() + number + format.getNegativeSuffix()
                : format.getPositivePrefix() + number + format.getPositiveSuffix());
    }

    private static DecimalFormat currencyFormat(Currency currency, Locale locale) {
        DecimalFormat format = Decimals.decimalFormat(NumberFormat.getCurrencyInstance(locale));
        format.setCurrency(currency);
        // The JDK does not apply CLDR's currency spacing, so a letter symbol would touch the digits
        // ("CHF1.00"); add the no-break space CLDR would.
        format.setPositivePrefix(spacedPrefix(format.getPositivePrefix()));
        format.setNegativePrefix(spacedPrefix(format.getNegativePrefix()));
        format.setPositiveSuffix(spacedSuffix(format.getPositiveSuffix()));
        format.setNegativeSuffix(spacedSuffix(format.getNegativeSuffix()));
        return format;
    }

    private static String spacedPrefix(String prefix) {
        return !prefix.isEmpty() && Character.isLetter(prefix.charAt(prefix.length() - 1)) ? prefix + NO_BREAK_SPACE : prefix;
    }

    private static String spacedSuffix(String suffix) {
        return !suffix.isEmpty() && Character.isLetter(suffix.charAt(0)) ? NO_BREAK_SPACE + suffix : suffix;
    }
}
