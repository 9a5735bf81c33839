package io.tributary.projection.render;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/** Reads the currency codes results carry, which some systems write in lower case ({@code usd}). */
final class CurrencyCodes {

    private CurrencyCodes() {}

    /** The currency for an ISO 4217 code in any case ({@code usd}, {@code Usd} or {@code USD}); empty if unknown. */
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
