package io.tributary.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinorUnitsTest {

    private static final MinorUnits STRIPE_LIKE = MinorUnits.iso4217Except(Map.of("MGA", 0, "UGX", 0)).showing(Map.of("ISK", 0));

    @Test
    void followsIso4217ByDefaultInAnyCase() {
        assertThat(MinorUnits.ISO_4217.exponent("USD")).isEqualTo(2);
        assertThat(MinorUnits.ISO_4217.exponent("usd")).isEqualTo(2);
        assertThat(MinorUnits.ISO_4217.exponent("JPY")).isZero();
        assertThat(MinorUnits.ISO_4217.exponent("BHD")).isEqualTo(3);
        assertThat(MinorUnits.ISO_4217.exponent("MGA")).isEqualTo(2);
        assertThat(MinorUnits.ISO_4217.exponent("XAU")).as("no minor unit in ISO 4217").isZero();
        assertThat(MinorUnits.ISO_4217.displayDecimals("EUR")).isEqualTo(2);
    }

    @Test
    void overridesWinOverIso4217AndDisplayDecimalsOverExponents() {
        assertThat(STRIPE_LIKE.exponent("MGA")).isZero();
        assertThat(STRIPE_LIKE.exponent("mga")).isZero();
        assertThat(STRIPE_LIKE.exponent("USD")).isEqualTo(2);
        assertThat(STRIPE_LIKE.exponent("ISK")).as("ISO 4217 says 0").isZero();
        assertThat(STRIPE_LIKE.displayDecimals("isk")).isZero();
        assertThat(STRIPE_LIKE.displayDecimals("MGA")).as("shown as its exponent").isZero();
        assertThat(STRIPE_LIKE.displayDecimals("USD")).isEqualTo(2);
        assertThat(STRIPE_LIKE).isEqualTo(new MinorUnits(Map.of("UGX", 0, "MGA", 0), Map.of("ISK", 0)));
    }

    @Test
    void refusesCodesThatAreNotUpperCaseIsoCodesAndDecimalsOutOfRange() {
        assertThatThrownBy(() -> MinorUnits.iso4217Except(Map.of("mga", 0))).hasMessageContaining("'mga' is not an upper-case ISO 4217 code");
        assertThatThrownBy(() -> MinorUnits.iso4217Except(Map.of("EURO", 2))).hasMessageContaining("'EURO'");
        assertThatThrownBy(() -> MinorUnits.iso4217Except(Map.of("USD", 5))).hasMessageContaining("USD must have 0 to 4 decimals, not 5");
        assertThatThrownBy(() -> MinorUnits.iso4217Except(Map.of("USD", -1))).hasMessageContaining("not -1");
        assertThatThrownBy(() -> MinorUnits.ISO_4217.showing(Map.of("us$", 2))).hasMessageContaining("displayDecimals");
        Map<String, Integer> withNull = new HashMap<>();
        withNull.put("USD", null);
        assertThatThrownBy(() -> MinorUnits.iso4217Except(withNull)).hasMessageContaining("not null");
        assertThatThrownBy(() -> MinorUnits.ISO_4217.exponent("ZZZ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copiesItsMaps() {
        Map<String, Integer> exponents = new HashMap<>(Map.of("MGA", 0));
        MinorUnits units = MinorUnits.iso4217Except(exponents);
        exponents.put("MGA", 2);

        assertThat(units.exponent("MGA")).isZero();
        assertThatThrownBy(() -> units.exponents().put("USD", 0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
