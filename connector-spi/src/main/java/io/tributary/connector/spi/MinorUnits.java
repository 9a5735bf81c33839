package io.tributary.connector.spi;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a connector writes amounts of money: in each currency's smallest unit, with how many
 * decimals that unit carries. The outside system decides (Stripe writes MGA with 0 decimals where
 * ISO 4217 says 2), so the connector says it, and the host formats amounts by it; currencies not
 * listed follow ISO 4217.
 *
 * @param exponents currency code (upper case) to the decimals its smallest unit carries, where
 *     the system differs from ISO 4217
 * @param displayDecimals currency code (upper case) to the decimals to show by default, where
 *     that differs from its exponent (Stripe writes ISK with 2 decimals, all zero)
 */
public record MinorUnits(Map<String, Integer> exponents, Map<String, Integer> displayDecimals) {

    /** ISO 4217 throughout. */
    public static final MinorUnits ISO_4217 = new MinorUnits(Map.of(), Map.of());

    /** Checks and copies the inputs: three-letter codes in upper case, 0 to 4 decimals. */
    public MinorUnits {
        exponents = checked(exponents, "exponents");
        displayDecimals = checked(displayDecimals, "displayDecimals");
    }

    /**
     * ISO 4217 except for these currencies' exponents.
     *
     * @param exponents code to decimals, such as {@code Map.of("MGA", 0)}
     * @return the units
     */
    public static MinorUnits iso4217Except(Map<String, Integer> exponents) {
        return new MinorUnits(exponents, Map.of());
    }

    /**
     * These units, showing some currencies with other decimals by default.
     *
     * @param decimals code to decimals shown
     * @return a copy
     */
    public MinorUnits showing(Map<String, Integer> decimals) {
        return new MinorUnits(exponents, decimals);
    }

    /**
     * How many decimals a currency's smallest unit carries.
     *
     * @param currency an ISO 4217 code, in any case
     * @return the exponent: 2 for USD (cents), 0 for JPY
     * @throws IllegalArgumentException for a code that is not a currency
     */
    public int exponent(String currency) {
        String code = currency.toUpperCase(Locale.ROOT);
        Integer listed = exponents.get(code);
        if (listed != null) {
            return listed;
        }
        int iso = Currency.getInstance(code).getDefaultFractionDigits();
        return Math.max(iso, 0);
    }

    /**
     * How many decimals to show by default for a currency.
     *
     * @param currency an ISO 4217 code, in any case
     * @return the decimals
     */
    public int displayDecimals(String currency) {
        Integer listed = displayDecimals.get(currency.toUpperCase(Locale.ROOT));
        return listed != null ? listed : exponent(currency);
    }

    private static Map<String, Integer> checked(Map<String, Integer> values, String what) {
        Objects.requireNonNull(values, what);
        values.forEach((code, decimals) -> {
            if (code == null || !code.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException(what + ": '" + code + "' is not an upper-case ISO 4217 code");
            }
            if (decimals == null || decimals < 0 || decimals > 4) {
                throw new IllegalArgumentException(what + ": " + code + " must have 0 to 4 decimals, not " + decimals);
            }
        });
        return Map.copyOf(new TreeMap<>(values));
    }
}
