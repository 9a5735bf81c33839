package io.tributary.projection.render;

import static io.tributary.projection.render.Fields.CONNECTOR_UNITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinorUnitTableTest {

    private static int exponent(MinorUnitTable table, String code) {
        return table.exponent(Currency.getInstance(code));
    }

    private static int displayDecimals(MinorUnitTable table, String code) {
        return table.displayDecimals(Currency.getInstance(code));
    }

    @ParameterizedTest(name = "{0}: {1} in amounts, {2} shown")
    @CsvSource({
        "USD, 2, 2", "EUR, 2, 2", "JPY, 0, 0", "KRW, 0, 0", "CLP, 0, 0", "UGX, 0, 0", "VND, 0, 0", "XOF, 0, 0",
        "MGA, 0, 0", "BIF, 0, 0", "DJF, 0, 0", "GNF, 0, 0", "KMF, 0, 0", "PYG, 0, 0", "RWF, 0, 0", "VUV, 0, 0",
        "XAF, 0, 0", "XPF, 0, 0", "BHD, 3, 3", "JOD, 3, 3", "KWD, 3, 3", "OMR, 3, 3", "TND, 3, 3",
        "ISK, 2, 0", "HUF, 2, 2", "TWD, 2, 2",
    })
    void followsTheConnectorsTableWhereItListsACurrencyAndIso4217Elsewhere(String code, int exponent, int shown) {
        assertThat(exponent(CONNECTOR_UNITS, code)).isEqualTo(exponent);
        assertThat(displayDecimals(CONNECTOR_UNITS, code)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}: {1} in amounts and shown")
    @CsvSource({"USD, 2", "JPY, 0", "KWD, 3", "MGA, 2", "ISK, 0", "HUF, 2", "CLF, 4", "XAU, 0"})
    void followsIso4217WithoutATable(String code, int decimals) {
        assertThat(exponent(MinorUnitTable.ISO_4217, code)).isEqualTo(decimals);
        assertThat(displayDecimals(MinorUnitTable.ISO_4217, code)).isEqualTo(decimals);
    }

    @Test
    void showsTheExponentUnlessTheTableSaysOtherwise() {
        MinorUnitTable wholeForints = new MinorUnitTable(Map.of(), Map.of("HUF", 0));
        assertThat(exponent(wholeForints, "HUF")).isEqualTo(2);
        assertThat(displayDecimals(wholeForints, "HUF")).isEqualTo(0);
        MinorUnitTable millimes = new MinorUnitTable(Map.of("USD", 3), Map.of());
        assertThat(exponent(millimes, "USD")).isEqualTo(3);
        assertThat(displayDecimals(millimes, "USD")).isEqualTo(3);
    }

    @Test
    void copiesItsMaps() {
        Map<String, Integer> exponents = new HashMap<>(Map.of("MGA", 0));
        MinorUnitTable table = new MinorUnitTable(exponents, Map.of());
        exponents.put("MGA", 4);
        exponents.put("USD", 0);

        assertThat(exponent(table, "MGA")).isEqualTo(0);
        assertThat(exponent(table, "USD")).isEqualTo(2);
        assertThat(table).isEqualTo(new MinorUnitTable(Map.of("MGA", 0), Map.of()));
        assertThatThrownBy(() -> table.exponents().put("USD", 0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsWhatIsNotACurrencyCodeWithDecimals() {
        assertThatThrownBy(() -> new MinorUnitTable(Map.of("mga", 0), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'mga'");
        assertThatThrownBy(() -> new MinorUnitTable(Map.of(), Map.of("US", 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("displayDecimals: 'US'");
        assertThatThrownBy(() -> new MinorUnitTable(Map.of("MGA", -1), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MGA must have 0 to 10 decimals");
        assertThatThrownBy(() -> new MinorUnitTable(Map.of("MGA", 11), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 11");
        Map<String, Integer> nullDecimals = new HashMap<>();
        nullDecimals.put("MGA", null);
        assertThatThrownBy(() -> new MinorUnitTable(nullDecimals, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not null");
        assertThatThrownBy(() -> new MinorUnitTable(null, Map.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MinorUnitTable(Map.of(), null)).isInstanceOf(NullPointerException.class);
    }
}
