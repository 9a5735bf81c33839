package io.tributary.projection.render;

import static io.tributary.projection.render.Fields.EN_US_UTC;
import static io.tributary.projection.render.Fields.EN_US_UTC_CONNECTOR_UNITS;
import static io.tributary.projection.render.Fields.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CurrencyFormattingTest {

    private static final String AMOUNT = "{'source': 'amount_cents', 'format': 'currency'}";
    private static final String NBSP = "\u00A0";

    private static String amount(long minorUnits, String currency) {
        return amount(minorUnits, currency, EN_US_UTC);
    }

    private static String amount(long minorUnits, String currency, RenderContext context) {
        return render(AMOUNT, "{'amount_cents': " + minorUnits + ", 'currency': '" + currency + "'}", context);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "123456   | usd | $1,234.56",
        "-123456  | usd | -$1,234.56",
        "0        | usd | $0.00",
        "5        | usd | $0.05",
        "123456   | eur | €1,234.56",
        "1235     | jpy | ¥1,235",
        "1235     | JPY | ¥1,235",
        "990000   | krw | ₩990,000",
        "1234567  | bhd | BHD 1,234.567",
        "1234567  | kwd | KWD 1,234.567",
        "1500     | mga | MGA 1,500",
        "10000    | isk | ISK 100",
        "123456   | huf | HUF 1,234.56",
        "123456   | chf | CHF 1,234.56",
    })
    void usesTheConnectorsMinorUnitsPerCurrency(long minorUnits, String currency, String expected) {
        assertThat(amount(minorUnits, currency, EN_US_UTC_CONNECTOR_UNITS)).isEqualTo(expected.replace(" ", NBSP));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "123456   | usd | $1,234.56",
        "1235     | jpy | ¥1,235",
        "1234567  | kwd | KWD 1,234.567",
        "1500     | mga | MGA 15.00",
        "1500     | MGA | MGA 15.00",
        "10000    | isk | ISK 10,000",
        "123456   | huf | HUF 1,234.56",
    })
    void usesIso4217MinorUnitsWhereTheTableListsNone(long minorUnits, String currency, String expected) {
        assertThat(amount(minorUnits, currency)).isEqualTo(expected.replace(" ", NBSP));
    }

    @Test
    void honoursDecimalsOverTheTablesDisplayDecimals() {
        String twoDecimals = "{'source': 'amount_cents', 'format': 'currency', 'options': {'decimals': 2}}";
        assertThat(render(twoDecimals, "{'amount_cents': 10050, 'currency': 'isk'}", EN_US_UTC_CONNECTOR_UNITS))
                .isEqualTo("ISK" + NBSP + "100.50");
        assertThat(amount(10050, "isk", EN_US_UTC_CONNECTOR_UNITS)).isEqualTo("ISK" + NBSP + "101");
    }

    @Test
    void readsMajorUnitsWithoutTheExponentButShowsTheTablesDecimals() {
        String spec = "{'source': 'price', 'format': 'currency', 'options': {'minorUnits': false, 'currency': 'mga'}}";
        assertThat(render(spec, "{'price': 1500}", EN_US_UTC_CONNECTOR_UNITS)).isEqualTo("MGA" + NBSP + "1,500");
        assertThat(render(spec, "{'price': 1500}")).isEqualTo("MGA" + NBSP + "1,500.00");
    }

    @Test
    void abbreviatesByTheTablesExponent() {
        String compact = "{'source': 'amount_cents', 'format': 'currency', 'options': {'compact': true}}";
        String result = "{'amount_cents': 150000000, 'currency': 'mga'}";
        assertThat(render(compact, result, EN_US_UTC_CONNECTOR_UNITS)).isEqualTo("MGA" + NBSP + "150M");
        assertThat(render(compact, result)).isEqualTo("MGA" + NBSP + "1.5M");
    }

    @Test
    void followsTheRenderLocale() {
        String result = "{'amount_cents': 123456, 'currency': 'eur'}";
        assertThat(render(AMOUNT, result, EN_US_UTC.withLocale(Locale.GERMANY))).isEqualTo("1.234,56" + NBSP + "€");
        assertThat(render(AMOUNT, "{'amount_cents': 123456, 'currency': 'usd'}", EN_US_UTC.withLocale(Locale.GERMANY)))
                .isEqualTo("1.234,56" + NBSP + "$");
        assertThat(render(AMOUNT, result, EN_US_UTC.withLocale(Locale.FRANCE))).isEqualTo("1" + "\u202F" + "234,56" + NBSP + "€");
        assertThat(render(AMOUNT, result, EN_US_UTC.withLocale(Locale.JAPAN))).isEqualTo("€1,234.56");
    }

    @Test
    void abbreviatesLargeAmountsWhenCompact() {
        String compact = "{'source': 'amount_cents', 'format': 'currency', 'options': {'compact': true}}";
        assertThat(render(compact, "{'amount_cents': 123456789, 'currency': 'usd'}")).isEqualTo("$1.2M");
        assertThat(render(compact, "{'amount_cents': 125000, 'currency': 'usd'}")).isEqualTo("$1.3K");
        assertThat(render(compact, "{'amount_cents': -150000, 'currency': 'usd'}")).isEqualTo("-$1.5K");
        assertThat(render(compact, "{'amount_cents': 99900, 'currency': 'usd'}")).isEqualTo("$999");
        assertThat(render(compact, "{'amount_cents': -1, 'currency': 'usd'}")).isEqualTo("$0");
        assertThat(render(compact, "{'amount_cents': 150000000, 'currency': 'jpy'}")).isEqualTo("¥150M");
        assertThat(render(compact, "{'amount_cents': 250000000, 'currency': 'eur'}", EN_US_UTC.withLocale(Locale.GERMANY)))
                .isEqualTo("2,5" + NBSP + "Mio." + NBSP + "€");
        String twoDecimals = "{'source': 'amount_cents', 'format': 'currency', 'options': {'compact': true, 'decimals': 2}}";
        assertThat(render(twoDecimals, "{'amount_cents': 123456, 'currency': 'usd'}")).isEqualTo("$1.23K");
    }

    @Test
    void honoursDecimalsRoundingHalfUp() {
        String noDecimals = "{'source': 'amount_cents', 'format': 'currency', 'options': {'decimals': 0}}";
        assertThat(render(noDecimals, "{'amount_cents': 123450, 'currency': 'usd'}")).isEqualTo("$1,235");
        assertThat(render(noDecimals, "{'amount_cents': 123449, 'currency': 'usd'}")).isEqualTo("$1,234");
        assertThat(render(noDecimals, "{'amount_cents': -49, 'currency': 'usd'}")).isEqualTo("$0");
        String four = "{'source': 'amount_cents', 'format': 'currency', 'options': {'decimals': 4}}";
        assertThat(render(four, "{'amount_cents': 123456, 'currency': 'usd'}")).isEqualTo("$1,234.5600");
    }

    @Test
    void takesTheCurrencyFromTheOptionFirst() {
        String spec = "{'source': 'amount_cents', 'format': 'currency', 'options': {'currency': 'gbp'}}";
        assertThat(render(spec, "{'amount_cents': 123456, 'currency': 'usd'}")).isEqualTo("£1,234.56");
        assertThat(render(spec, "{'amount_cents': 123456}")).isEqualTo("£1,234.56");
    }

    @Test
    void takesTheCurrencyFromCurrencySource() {
        String spec = "{'source': 'totals.gross', 'format': 'currency', 'options': {'currencySource': 'account.currency'}}";
        assertThat(render(spec, "{'totals': {'gross': 5000, 'currency': 'usd'}, 'account': {'currency': 'jpy'}}"))
                .isEqualTo("¥5,000");
    }

    @Test
    void takesTheCurrencyNextToTheAmount() {
        String result = "{'currency': 'usd', 'by_currency': [{'currency': 'usd', 'amount_cents': 100}, "
                + "{'currency': 'eur', 'amount_cents': 250075}]}";
        assertThat(render("{'source': 'by_currency[1].amount_cents', 'format': 'currency'}", result)).isEqualTo("€2,500.75");
    }

    @Test
    void readsMajorUnitsWhenAsked() {
        String spec = "{'source': 'price', 'format': 'currency', 'options': {'minorUnits': false, 'currency': 'usd'}}";
        assertThat(render(spec, "{'price': 1234.5}")).isEqualTo("$1,234.50");
        assertThat(render(spec, "{'price': 19.999}")).isEqualTo("$20.00");
    }

    @Test
    void keepsLargeAmountsExact() {
        assertThat(amount(Long.MAX_VALUE, "usd")).isEqualTo("$92,233,720,368,547,758.07");
    }

    @Test
    void showsThePlaceholderWhenTheCurrencyIsUnknownOrMissing() {
        assertThat(amount(100, "xyz")).isEqualTo("—");
        assertThat(amount(100, "dollars")).isEqualTo("—");
        assertThat(render(AMOUNT, "{'amount_cents': 100}")).isEqualTo("—");
        assertThat(render(AMOUNT, "{'amount_cents': 100, 'currency': 840}")).isEqualTo("—");
        assertThat(render(AMOUNT, "{'amount_cents': 100, 'currency': null}")).isEqualTo("—");
    }
}
