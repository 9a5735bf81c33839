package io.tributary.projection.spec;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A money amount. The currency is, in order: the {@code currency} option, the value at
 * {@code currencySource} (relative to the same scope as the amount's path), or the {@code currency} field
 * next to the amount in the same object (how many APIs send it).
 *
 * @param decimals       exact number of fraction digits; when absent, the decimals the connector shows for
 *                       the currency by default
 * @param compact        abbreviate large amounts per locale, e.g. {@code $1.2K}
 * @param currency       a fixed ISO 4217 code, stored upper-case
 * @param currencySource a path to the currency code in the result
 * @param minorUnits     the amount is in the currency's smallest unit as the connector defines it (cents for
 *                       USD, yen for JPY; see {@link io.tributary.projection.render.MinorUnitTable}); true by
 *                       default, false for amounts already in major units
 */
public record CurrencyFormatSpec(
        OptionalInt decimals,
        boolean compact,
        Optional<String> currency,
        Optional<SourcePath> currencySource,
        boolean minorUnits) implements FormatSpec {

    public static final String NAME = "currency";

    public CurrencyFormatSpec {
        Objects.requireNonNull(decimals, "decimals");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(currencySource, "currencySource");
        SpecChecks.checkDecimals(decimals);
        currency = currency.map(code -> code.toUpperCase(Locale.ROOT));
        currency.ifPresent(CurrencyFormatSpec::requireIsoCode);
        if (currency.isPresent() && currencySource.isPresent()) {
            throw new IllegalArgumentException("Give either currency or currencySource, not both");
        }
        if (currencySource.isPresent() && currencySource.get().isRoot()) {
            throw new IllegalArgumentException("currencySource needs a path");
        }
    }

    private static void requireIsoCode(String code) {
        try {
            if (code.length() == 3) {
                Currency.getInstance(code);
                return;
            }
        } catch (IllegalArgumentException unknown) {
            // reported below with a message for the spec's author
        }
        throw new IllegalArgumentException("currency '" + code + "' is not an ISO 4217 currency code");
    }

    @Override
    public String name() {
        return NAME;
    }
}
