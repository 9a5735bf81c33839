package io.tributary.projection.render;

import static io.tributary.projection.render.Fields.NOW;
import static io.tributary.projection.support.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.projection.spec.ProjectionSpec;
import io.tributary.projection.spec.ProjectionSpecParser;
import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Rendering depends on the RenderContext only, never on the JVM's default locale or time zone. */
class JvmDefaultsIndependenceTest {

    private static final ProjectionSpec EVERY_FORMAT = ProjectionSpecParser.parseOrThrow(json("""
            {'fields': {
              'usd': {'source': 'amount_cents', 'format': 'currency'},
              'eurCompact': {'source': 'big', 'format': 'currency', 'options': {'currency': 'eur', 'compact': true}},
              'jpy': {'source': 'yen', 'format': 'currency', 'options': {'currency': 'jpy'}},
              'number': {'source': 'n', 'format': 'number'},
              'compact': {'source': 'big', 'format': 'number', 'options': {'compact': true}},
              'percent': {'source': 'ratio', 'format': 'percent'},
              'signed': {'source': 'ratio', 'format': 'percent-with-sign', 'options': {'decimals': 2}},
              'medium': {'source': 'created', 'format': 'datetime'},
              'full': {'source': 'created', 'format': 'datetime', 'options': {'style': 'full'}},
              'pattern': {'source': 'iso', 'format': 'datetime', 'options': {'pattern': 'EEE d MMM yyyy HH:mm'}},
              'date': {'source': 'day', 'format': 'datetime', 'options': {'pattern': 'yyyy-MM-dd HH:mm XXX'}},
              'relative': {'source': 'created', 'format': 'datetime', 'options': {'relative': true}},
              'missing': {'source': 'nothing', 'format': 'number'}}}
            """));

    private static final JsonNode RESULT = json("""
            {'amount_cents': 123456, 'currency': 'usd', 'big': 123456789, 'yen': 1234, 'n': 1234567.891,
             'ratio': 0.12345, 'created': 1699999700, 'iso': '2023-11-14T22:13:20+01:00', 'day': '2023-11-14'}
            """);

    private static final JsonNode EXPECTED_EN_US_UTC = json("""
            {'usd': '$1,234.56', 'eurCompact': '€1.2M', 'jpy': '¥1,234', 'number': '1,234,567.89',
             'compact': '123.5M', 'percent': '12.3%', 'signed': '+12.35%',
             'medium': 'Nov 14, 2023, 10:08:20 PM', 'full': 'Tuesday, November 14, 2023 at 10:08:20 PM Z',
             'pattern': 'Tue 14 Nov 2023 21:13', 'date': '2023-11-14 00:00 Z', 'relative': '5 minutes ago',
             'missing': '—'}
            """);

    @Test
    void rendersTheSameUnderAnyJvmDefaults() {
        RenderContext context = RenderContext.at(NOW);

        ObjectNode underUsUtc = withDefaults(Locale.US, "UTC", () -> ProjectionRenderer.render(EVERY_FORMAT, RESULT, context));
        ObjectNode underGermanyTokyo = withDefaults(Locale.GERMANY, "Asia/Tokyo",
                () -> ProjectionRenderer.render(EVERY_FORMAT, RESULT, context));
        ObjectNode underArabicKolkata = withDefaults(Locale.forLanguageTag("ar-EG"), "Asia/Kolkata",
                () -> ProjectionRenderer.render(EVERY_FORMAT, RESULT, context));

        assertThat(underUsUtc).isEqualTo(EXPECTED_EN_US_UTC);
        assertThat(underGermanyTokyo).isEqualTo(EXPECTED_EN_US_UTC);
        assertThat(underArabicKolkata).isEqualTo(EXPECTED_EN_US_UTC);
    }

    @Test
    void rendersTheGivenLocaleAndZoneRegardlessOfJvmDefaults() {
        RenderContext german = new RenderContext(Locale.GERMANY, ZoneId.of("Europe/Berlin"), NOW, MinorUnitTable.ISO_4217);
        JsonNode expected = json("""
                {'usd': '1.234,56\u00A0$', 'eurCompact': '1,2\u00A0Mio.\u00A0€', 'jpy': '1.234\u00A0¥',
                 'number': '1.234.567,89', 'compact': '123,5\u00A0Mio.', 'percent': '12,3\u00A0%', 'signed': '+12,35\u00A0%',
                 'medium': '14.11.2023, 23:08:20', 'full': 'Dienstag, 14. November 2023 um 23:08:20 Mitteleuropäische Normalzeit',
                 'pattern': 'Di. 14 Nov. 2023 22:13', 'date': '2023-11-14 00:00 +01:00', 'relative': 'vor 5 Minuten',
                 'missing': '—'}
                """);

        assertThat(withDefaults(Locale.US, "UTC", () -> ProjectionRenderer.render(EVERY_FORMAT, RESULT, german)))
                .isEqualTo(expected);
        assertThat(withDefaults(Locale.JAPAN, "America/Los_Angeles", () -> ProjectionRenderer.render(EVERY_FORMAT, RESULT, german)))
                .isEqualTo(expected);
    }

    private static <T> T withDefaults(Locale locale, String zone, Supplier<T> action) {
        Locale previousLocale = Locale.getDefault();
        Locale previousFormatLocale = Locale.getDefault(Locale.Category.FORMAT);
        Locale previousDisplayLocale = Locale.getDefault(Locale.Category.DISPLAY);
        TimeZone previousZone = TimeZone.getDefault();
        try {
            Locale.setDefault(locale);
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            return action.get();
        } finally {
            Locale.setDefault(previousLocale);
            Locale.setDefault(Locale.Category.FORMAT, previousFormatLocale);
            Locale.setDefault(Locale.Category.DISPLAY, previousDisplayLocale);
            TimeZone.setDefault(previousZone);
        }
    }
}
