package io.tributary.projection.render;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How Stripe writes amounts: in the currency's smallest unit, with the number of decimals per Stripe's
 * own table (https://docs.stripe.com/currencies), which differs from {@link Currency#getDefaultFractionDigits()}
 * for some currencies (e.g. MGA: 0 at Stripe, 2 in the JDK; ISK: 2 at Stripe, 0 in the JDK).
 */
final class StripeCurrencies {

    private static final Set<String> ZERO_DECIMAL = Set.of(
            "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF",
            "XOF", "XPF");

    private static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

    // Stripe's special case: ISK has no minor unit in use, yet for backwards compatibility the API writes
    // it as two-decimal (amounts are multiples of 100). So we divide by 100 but show whole krónur.
    // HUF and TWD are likewise two-decimal in the API; only their payouts are whole units, and charges
    // may carry decimals, so they are shown with two.
    private static final Set<String> SHOWN_WITHOUT_DECIMALS = Set.of("ISK");

    private StripeCurrencies() {}

    /** How many decimal places Stripe's integer amounts carry for this currency. */
    static int minorUnitDigits(Currency currency) {
        String code = currency.getCurrencyCode();
        if (ZERO_DECIMAL.contains(code)) {
            return 0;
        }
        return THREE_DECIMAL.contains(code) ? 3 : 2;
    }

    /** How many decimals to show by default for this currency. */
    static int displayDecimals(Currency currency) {
        return SHOWN_WITHOUT_DECIMALS.contains(currency.getCurrencyCode()) ? 0 : minorUnitDigits(currency);
    }

    /** The currency for a code in any case ({@code usd}, as Stripe sends, or {@code USD}); empty if unknown. */
    static Optional<Currency> lookup(String code) {
        if (code.length() != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(code.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknownCode) {
            return Optional.empty();
        }
    }
}
