package io.tributary.projection.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CurrencyCodesTest {

    @ParameterizedTest
    @CsvSource({"usd, USD", "Eur, EUR", "JPY, JPY", "mga, MGA", "isk, ISK"})
    void looksUpCodesInAnyCase(String code, String expected) {
        assertThat(CurrencyCodes.lookup(code)).contains(Currency.getInstance(expected));
    }

    @ParameterizedTest
    @CsvSource({"xyz", "us", "dollar", "''", "usdd"})
    void knowsNoMadeUpCodes(String code) {
        assertThat(CurrencyCodes.lookup(code)).isEmpty();
    }
}
