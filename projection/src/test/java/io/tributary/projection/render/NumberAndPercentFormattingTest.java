package io.tributary.projection.render;

import static io.tributary.projection.render.Fields.EN_US_UTC;
import static io.tributary.projection.render.Fields.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberAndPercentFormattingTest {

    private static final String NBSP = "\u00A0";

    private static String value(String format, String options, String value) {
        return render("{'source': 'v', 'format': '" + format + "', 'options': " + options + "}", "{'v': " + value + "}");
    }

    @ParameterizedTest(name = "number {0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "{}                | 42           | 42",
        "{}                | 1234567.891  | 1,234,567.89",
        "{}                | 2.5          | 2.5",
        "{}                | 2.345        | 2.35",
        "{}                | -0.001       | 0",
        "{}                | -1234.5      | -1,234.5",
        "{}                | 12345678901234567890123 | 12,345,678,901,234,567,890,123",
        "{'decimals': 2}   | 42           | 42.00",
        "{'decimals': 0}   | 2.5          | 3",
        "{'decimals': 0}   | -2.5         | -3",
        "{'decimals': 3}   | 1.23456      | 1.235",
    })
    void formatsNumbers(String options, String value, String expected) {
        assertThat(value("number", options, value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "compact {0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "{'compact': true}                 | 1234       | 1.2K",
        "{'compact': true}                 | 1250       | 1.3K",
        "{'compact': true}                 | 1250000    | 1.3M",
        "{'compact': true}                 | 999960     | 1M",
        "{'compact': true}                 | 999        | 999",
        "{'compact': true}                 | 12.5       | 13",
        "{'compact': true}                 | 12.45      | 12",
        "{'compact': true}                 | -45600     | -45.6K",
        "{'compact': true}                 | -0.4       | 0",
        "{'compact': true}                 | 2.5E12     | 2.5T",
        "{'compact': true, 'decimals': 2}  | 1234.56    | 1.23K",
        "{'compact': true, 'decimals': 0}  | 1500       | 2K",
    })
    void abbreviatesNumbers(String options, String value, String expected) {
        assertThat(value("number", options, value)).isEqualTo(expected);
    }

    @Test
    void abbreviatesPerLocale() {
        String compact = "{'source': 'v', 'format': 'number', 'options': {'compact': true}}";
        assertThat(render(compact, "{'v': 1234}", EN_US_UTC.withLocale(Locale.GERMANY))).isEqualTo("1.234");
        assertThat(render(compact, "{'v': 1250000}", EN_US_UTC.withLocale(Locale.GERMANY))).isEqualTo("1,3" + NBSP + "Mio.");
        assertThat(render(compact, "{'v': 12345}", EN_US_UTC.withLocale(Locale.JAPAN))).isEqualTo("1.2万");
        assertThat(render(compact, "{'v': 1234}", EN_US_UTC.withLocale(Locale.JAPAN))).isEqualTo("1,234");
    }

    @Test
    void groupsPerLocale() {
        String number = "{'source': 'v', 'format': 'number'}";
        assertThat(render(number, "{'v': 1234567.89}", EN_US_UTC.withLocale(Locale.GERMANY))).isEqualTo("1.234.567,89");
        assertThat(render(number, "{'v': 1234567.89}", EN_US_UTC.withLocale(new Locale("de", "CH")))).isEqualTo("1’234’567.89");
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "percent           | {}                   | 0.125   | 12.5%",
        "percent           | {}                   | 0.5     | 50%",
        "percent           | {}                   | 1.5     | 150%",
        "percent           | {}                   | -0.034  | -3.4%",
        "percent           | {}                   | 0.12345 | 12.3%",
        "percent           | {}                   | 0.00049 | 0%",
        "percent           | {}                   | -0.0004 | 0%",
        "percent           | {'decimals': 2}      | 0.12345 | 12.35%",
        "percent           | {'decimals': 2}      | 0.5     | 50.00%",
        "percent           | {'decimals': 0}      | 0.125   | 13%",
        "percent           | {'input': 'points'}  | 12.5    | 12.5%",
        "percent           | {'input': 'points'}  | 3       | 3%",
        "percent           | {'input': 'ratio'}   | 3       | 300%",
        "percent           | {}                   | 12      | 1,200%",
        "percent-with-sign | {}                   | 0.125   | +12.5%",
        "percent-with-sign | {}                   | -0.034  | -3.4%",
        "percent-with-sign | {}                   | 0       | 0%",
        "percent-with-sign | {}                   | 0.0004  | 0%",
        "percent-with-sign | {}                   | -0.0004 | 0%",
        "percent-with-sign | {'decimals': 1}      | 0.1     | +10.0%",
        "percent-with-sign | {'input': 'points'}  | 4.25    | +4.3%",
    })
    void formatsPercentages(String format, String options, String value, String expected) {
        assertThat(value(format, options, value)).isEqualTo(expected);
    }

    @Test
    void writesPercentagesPerLocale() {
        RenderContext german = EN_US_UTC.withLocale(Locale.GERMANY);
        assertThat(render("{'source': 'v', 'format': 'percent'}", "{'v': 0.125}", german)).isEqualTo("12,5" + NBSP + "%");
        assertThat(render("{'source': 'v', 'format': 'percent-with-sign'}", "{'v': 0.125}", german)).isEqualTo("+12,5" + NBSP + "%");
        assertThat(render("{'source': 'v', 'format': 'percent-with-sign'}", "{'v': -0.125}", german)).isEqualTo("-12,5" + NBSP + "%");
    }
}
