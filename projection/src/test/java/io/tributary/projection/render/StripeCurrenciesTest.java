package io.tributary.projection.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StripeCurrenciesTest {

    @ParameterizedTest(name = "{0}: {1} in the API, {2} shown")
    @CsvSource({
        "USD, 2, 2", "EUR, 2, 2", "JPY, 0, 0", "KRW, 0, 0", "CLP, 0, 0", "UGX, 0, 0", "VND, 0, 0", "XOF, 0, 0",
        "MGA, 0, 0", "BIF, 0, 0", "DJF, 0, 0", "GNF, 0, 0", "KMF, 0, 0", "PYG, 0, 0", "RWF, 0, 0", "VUV, 0, 0",
        "XAF, 0, 0", "XPF, 0, 0", "BHD, 3, 3", "JOD, 3, 3", "KWD, 3, 3", "OMR, 3, 3", "TND, 3, 3",
        "ISK, 2, 0", "HUF, 2, 2", "TWD, 2, 2",
    })
    void followsStripesTableNotTheJdks(String code, int minorUnitDigits, int displayDecimals) {
        Currency currency = Currency.getInstance(code);
        assertThat(StripeCurrencies.minorUnitDigits(currency)).isEqualTo(minorUnitDigits);
        assertThat(StripeCurrencies.displayDecimals(currency)).isEqualTo(displayDecimals);
    }

    @ParameterizedTest
    @CsvSource({"usd, USD", "Eur, EUR", "JPY, JPY"})
    void looksUpCodesInAnyCase(String code, String expected) {
        assertThat(StripeCurrencies.lookup(code)).contains(Currency.getInstance(expected));
    }

    @ParameterizedTest
    @CsvSource({"xyz", "us", "dollar", "''"})
    void knowsNoMadeUpCodes(String code) {
        assertThat(StripeCurrencies.lookup(code)).isEmpty();
    }
}
