package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The connector's minor units give Stripe's own decimals (https://docs.stripe.com/currencies):
 * the table the projection module kept, repeated here so the two can be compared.
 */
class StripeMinorUnitsTest {

    private static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF",
            "UGX", "VND", "VUV", "XAF", "XOF", "XPF");
    private static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");
    /** Two-decimal in the API, though ISK has no minor unit in use and HUF and TWD are paid out whole. */
    private static final Set<String> SPECIAL_TWO_DECIMAL = Set.of("ISK", "HUF", "TWD");
    private static final Set<String> SHOWN_WITHOUT_DECIMALS = Set.of("ISK");
    private static final Set<String> COMMON_TWO_DECIMAL = Set.of("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "SEK", "BRL", "INR", "MXN");

    /** Stripe's decimals for every currency the table names. */
    private static Map<String, Integer> stripeTable() {
        Map<String, Integer> table = new HashMap<>();
        ZERO_DECIMAL.forEach(code -> table.put(code, 0));
        THREE_DECIMAL.forEach(code -> table.put(code, 3));
        SPECIAL_TWO_DECIMAL.forEach(code -> table.put(code, 2));
        COMMON_TWO_DECIMAL.forEach(code -> table.put(code, 2));
        return table;
    }

    @Test
    void everyCurrencyOfStripesTableHasStripesExponent() {
        stripeTable().forEach((code, decimals) -> {
            assertThat(StripeMinorUnits.UNITS.exponent(code)).as(code).isEqualTo(decimals);
            assertThat(StripeMinorUnits.UNITS.exponent(code.toLowerCase(java.util.Locale.ROOT))).as("%s in Stripe's lower case", code)
                    .isEqualTo(decimals);
        });
    }

    @Test
    void everyCurrencyIsShownWithItsExponentButIskInWholeKronur() {
        stripeTable().forEach((code, decimals) -> assertThat(StripeMinorUnits.UNITS.displayDecimals(code)).as(code)
                .isEqualTo(SHOWN_WITHOUT_DECIMALS.contains(code) ? 0 : decimals));
    }

    @Test
    void onlyWhereStripeDiffersFromIso4217IsAnExponentListed() {
        assertThat(StripeMinorUnits.UNITS.exponents()).isNotEmpty().allSatisfy((code, decimals) ->
                assertThat(Currency.getInstance(code).getDefaultFractionDigits()).as(code).isNotEqualTo(decimals));
        assertThat(StripeMinorUnits.UNITS.displayDecimals()).containsOnlyKeys(SHOWN_WITHOUT_DECIMALS);
    }

    @Test
    void theDescriptorCarriesThem() {
        assertThat(new StripeConnectorFactory().descriptor().minorUnits()).isEqualTo(StripeMinorUnits.UNITS);
    }
}
