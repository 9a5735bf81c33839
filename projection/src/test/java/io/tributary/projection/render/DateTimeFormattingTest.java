package io.tributary.projection.render;

import static io.tributary.projection.render.Fields.EN_US_UTC;
import static io.tributary.projection.render.Fields.NOW;
import static io.tributary.projection.render.Fields.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTimeFormattingTest {

    private static final String DEFAULT = "{'source': 't', 'format': 'datetime'}";
    private static final String PATTERN = "{'source': 't', 'format': 'datetime', 'options': {'pattern': 'yyyy-MM-dd HH:mm:ss'}}";
    private static final String RELATIVE = "{'source': 't', 'format': 'datetime', 'options': {'relative': true}}";

    private static String at(long unixSeconds) {
        return "{'t': " + unixSeconds + "}";
    }

    @Test
    void showsUnixSecondsInTheLocalesMediumStyleByDefault() {
        assertThat(render(DEFAULT, at(1_700_000_000L))).isEqualTo("Nov 14, 2023, 10:13:20 PM");
    }

    @Test
    void showsTheRenderZoneAndLocale() {
        RenderContext berlin = new RenderContext(Locale.GERMANY, ZoneId.of("Europe/Berlin"), NOW, MinorUnitTable.ISO_4217);
        assertThat(render(DEFAULT, at(1_700_000_000L), berlin)).isEqualTo("14.11.2023, 23:13:20");
        RenderContext tokyo = EN_US_UTC.withZone(ZoneId.of("Asia/Tokyo"));
        assertThat(render(PATTERN, at(1_700_000_000L), tokyo)).isEqualTo("2023-11-15 07:13:20");
    }

    @Test
    void followsPatternAndStyle() {
        assertThat(render(PATTERN, at(1_700_000_000L))).isEqualTo("2023-11-14 22:13:20");
        assertThat(render("{'source': 't', 'format': 'datetime', 'options': {'pattern': 'EEEE d MMMM yyyy'}}",
                at(1_700_000_000L), EN_US_UTC.withLocale(Locale.GERMANY))).isEqualTo("Dienstag 14 November 2023");
        assertThat(render("{'source': 't', 'format': 'datetime', 'options': {'style': 'short'}}", at(1_700_000_000L)))
                .isEqualTo("11/14/23, 10:13 PM");
        assertThat(render("{'source': 't', 'format': 'datetime', 'options': {'style': 'long'}}", at(1_700_000_000L)))
                .isEqualTo("November 14, 2023 at 10:13:20 PM Z");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'2023-11-14T22:13:20Z'                      | 2023-11-14 22:13:20",
        "'2023-11-14T23:13:20+01:00'                 | 2023-11-14 22:13:20",
        "'2023-11-14T23:13:20.5+01:00[Europe/Paris]' | 2023-11-14 22:13:20",
        "'2023-11-14'                                | 2023-11-14 00:00:00",
        "1700000000.9                                | 2023-11-14 22:13:20",
        "0                                           | 1970-01-01 00:00:00",
        "-86400                                      | 1969-12-31 00:00:00",
    })
    void acceptsUnixSecondsAndIsoStrings(String value, String expected) {
        assertThat(render(PATTERN, "{'t': " + value + "}")).isEqualTo(expected);
    }

    @Test
    void readsAnIsoDateAsTheStartOfThatDayInTheRenderZone() {
        RenderContext tokyo = EN_US_UTC.withZone(ZoneId.of("Asia/Tokyo"));
        assertThat(render(PATTERN, "{'t': '2023-11-14'}", tokyo)).isEqualTo("2023-11-14 00:00:00");
    }

    @ParameterizedTest(name = "{0}s from now -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0         | just now",
        "-59       | just now",
        "59        | just now",
        "-60       | 1 minute ago",
        "-90       | 1 minute ago",
        "-300      | 5 minutes ago",
        "300       | in 5 minutes",
        "-3600     | 1 hour ago",
        "-86399    | 23 hours ago",
        "259200    | in 3 days",
        "-86400    | 1 day ago",
        "-2591999  | 29 days ago",
        "-3888000  | 1 month ago",
        "-31535999 | 12 months ago",
        "-34560000 | 1 year ago",
        "63072000  | in 2 years",
        "-31536000000 | 1,000 years ago",
    })
    void writesTimeRelativeToNow(long offsetSeconds, String expected) {
        assertThat(render(RELATIVE, at(NOW.getEpochSecond() + offsetSeconds))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}s from now -> {1}")
    @CsvSource(delimiter = '|', value = {
        "-30      | gerade eben",
        "-300     | vor 5 Minuten",
        "-60      | vor 1 Minute",
        "86400    | in 1 Tag",
        "259200   | in 3 Tagen",
        "-7200    | vor 2 Stunden",
        "-31536000000 | vor 1.000 Jahren",
    })
    void writesRelativeTimeInGerman(long offsetSeconds, String expected) {
        assertThat(render(RELATIVE, at(NOW.getEpochSecond() + offsetSeconds), EN_US_UTC.withLocale(Locale.GERMANY)))
                .isEqualTo(expected);
    }

    @Test
    void measuresRelativeTimeFromTheGivenNowOnly() {
        RenderContext later = new RenderContext(Locale.US, ZoneId.of("UTC"), NOW.plusSeconds(7200), MinorUnitTable.ISO_4217);
        assertThat(render(RELATIVE, at(NOW.getEpochSecond()), later)).isEqualTo("2 hours ago");
        assertThat(render(RELATIVE, "{'t': '2023-11-14T22:13:20Z'}", later)).isEqualTo("2 hours ago");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'yesterday'",
        "'2023-11-14T22:13:20'",
        "'2023-13-45'",
        "''",
        "true",
        "[1700000000]",
        "{'seconds': 1700000000}",
        "1e30",
        "-1e30",
        "null",
    })
    void showsThePlaceholderForValuesThatAreNotTimes(String value) {
        assertThat(render(PATTERN, "{'t': " + value + "}")).isEqualTo("—");
        assertThat(render(RELATIVE, "{'t': " + value + "}")).isEqualTo("—");
    }

    @Test
    void showsThePlaceholderForInstantsWithoutADateInTheRenderZone() {
        String latestInstant = at(java.time.Instant.MAX.getEpochSecond());
        assertThat(render(PATTERN, at(253_402_300_799L))).isEqualTo("9999-12-31 23:59:59");
        assertThat(render(PATTERN, latestInstant, EN_US_UTC.withZone(ZoneId.of("Asia/Tokyo")))).isEqualTo("—");
    }
}
