package io.tributary.projection.render;

import io.tributary.projection.spec.FormatSpec;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the system a result came from writes money: per currency, how many decimals its smallest unit
 * carries (the exponent an amount in minor units is divided by) and how many decimals to show by
 * default. Systems differ from ISO 4217 for a few currencies, so the caller passes the table of the
 * connector that produced the result; every currency the table does not list follows ISO 4217
 * ({@link Currency#getDefaultFractionDigits()}).
 *
 * @param exponents       upper-case currency code to the decimals its smallest unit carries, where the
 *                        system differs from ISO 4217 (e.g. {@code MGA -> 0})
 * @param displayDecimals upper-case currency code to the decimals shown by default, where that differs
 *                        from the exponent (e.g. {@code ISK -> 0} for amounts written in hundredths that
 *                        are always whole)
 */
public record MinorUnitTable(Map<String, Integer> exponents, Map<String, Integer> displayDecimals) {

    /** ISO 4217 for every currency. */
    public static final MinorUnitTable ISO_4217 = new MinorUnitTable(Map.of(), Map.of());

    private static final Pattern UPPER_CASE_CODE = Pattern.compile("[A-Z]{3}");

    /** Checks and copies the maps: three-letter upper-case codes, 0 to {@value FormatSpec#MAX_DECIMALS} decimals. */
    public MinorUnitTable {
        exponents = checked(exponents, "exponents");
        displayDecimals = checked(displayDecimals, "displayDecimals");
    }

    /** The decimals an amount in this currency's smallest unit carries: 2 for USD (cents), 0 for JPY. */
    public int exponent(Currency currency) {
        Integer listed = exponents.get(currency.getCurrencyCode());
        // The JDK gives -1 for pseudo-currencies such as XAU (gold); their amounts carry no decimals.
        return listed != null ? listed : Math.max(currency.getDefaultFractionDigits(), 0);
    }

    /** The decimals shown for this currency when the spec does not say: listed, else its exponent. */
    public int displayDecimals(Currency currency) {
        Integer listed = displayDecimals.get(currency.getCurrencyCode());
        return listed != null ? listed : exponent(currency);
    }

    private static Map<String, Integer> checked(Map<String, Integer> decimalsByCode, String name) {
        Objects.requireNonNull(decimalsByCode, name);
        decimalsByCode.forEach((code, decimals) -> {
            if (code == null || !UPPER_CASE_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException(name + ": '" + code + "' is not an upper-case three-letter currency code");
            }
            if (decimals == null || decimals < FormatSpec.MIN_DECIMALS || decimals > FormatSpec.MAX_DECIMALS) {
                throw new IllegalArgumentException(name + ": " + code + " must have " + FormatSpec.MIN_DECIMALS + " to "
                        + FormatSpec.MAX_DECIMALS + " decimals, not " + decimals);
            }
        });
        return Map.copyOf(decimalsByCode);
    }
}
