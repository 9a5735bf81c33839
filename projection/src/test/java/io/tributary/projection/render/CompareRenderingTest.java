package io.tributary.projection.render;

import static io.tributary.projection.render.Fields.NOW;
import static io.tributary.projection.support.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.projection.Projections;
import io.tributary.projection.spec.ComparePeriod;
import io.tributary.projection.spec.ProjectionSpec;
import io.tributary.projection.spec.ProjectionSpecParser;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code compare}: a field's change against previous values the caller passes in, written as the field writes values. */
class CompareRenderingTest {

    private static final Instant DAY_AGO = NOW.minus(Duration.ofDays(1));
    private static final Instant WEEK_AGO = NOW.minus(Duration.ofDays(7));

    private static final ProjectionSpec MRR = ProjectionSpecParser.parseOrThrow(json("""
            {'fields': {'mrr': {'source': 'amount_cents', 'format': 'currency', 'compare': ['day', 'week', 'month']},
                        'label': {'literal': 'MRR'}}}
            """));

    private static ObjectNode render(ProjectionSpec spec, String result, RenderContext context) {
        return Projections.render(spec, json(result), context);
    }

    private static ProjectionSpec field(String fieldSpec) {
        return ProjectionSpecParser.parseOrThrow(json("{'fields': {'v': " + fieldSpec + "}}"));
    }

    @Test
    void showsPreviousDeltaAndPercentPerPeriodBesideTheValueAndNullsWithoutHistory() {
        PreviousValues previous = PreviousValues.NONE
                .with("mrr", ComparePeriod.DAY, new BigDecimal("100000"), DAY_AGO)
                .with("mrr", ComparePeriod.WEEK, new BigDecimal("125000"), WEEK_AGO);

        ObjectNode data = render(MRR, "{'amount_cents': 120000, 'currency': 'usd'}", RenderContext.at(NOW).withPrevious(previous));

        assertThat(data).isEqualTo(json("""
                {'mrr': '$1,200.00',
                 'mrr_compare': {
                   'day': {'previous': '$1,000.00', 'delta': '+$200.00', 'percent': '+20%', 'trend': 'up', 'at': '2023-11-13T22:13:20Z'},
                   'week': {'previous': '$1,250.00', 'delta': '-$50.00', 'percent': '-4%', 'trend': 'down', 'at': '2023-11-07T22:13:20Z'},
                   'month': {'previous': null, 'delta': null, 'percent': null, 'trend': null, 'at': null}},
                 'label': 'MRR'}
                """));
        assertThat(data.fieldNames()).toIterable().as("the changes follow their field").containsExactly("mrr", "mrr_compare", "label");
    }

    @Test
    void writesTheChangeInTheContextsLocaleWhateverTheJvmDefaults() {
        PreviousValues previous = PreviousValues.NONE.with("mrr", ComparePeriod.DAY, new BigDecimal("100000"), DAY_AGO);
        RenderContext german = new RenderContext(Locale.GERMANY, ZoneId.of("Europe/Berlin"), NOW, MinorUnitTable.ISO_4217, previous);
        Locale before = Locale.getDefault();
        JsonNode day;
        try {
            Locale.setDefault(Locale.US);
            day = render(MRR, "{'amount_cents': 112345, 'currency': 'eur'}", german).at("/mrr_compare/day");
        } finally {
            Locale.setDefault(before);
        }

        assertThat(day).isEqualTo(json("""
                {'previous': '1.000,00\u00A0€', 'delta': '+123,45\u00A0€', 'percent': '+12,3\u00A0%', 'trend': 'up',
                 'at': '2023-11-13T22:13:20Z'}
                """));
    }

    @Test
    void readsPreviousAmountsByTheConnectorsMinorUnitsAsTheValue() {
        ProjectionSpec spec = field("{'source': 'amount', 'format': 'currency', 'options': {'currency': 'jpy'}, 'compare': 'day'}");
        RenderContext context = RenderContext.at(NOW)
                .withPrevious(PreviousValues.NONE.with("v", ComparePeriod.DAY, new BigDecimal("1500"), DAY_AGO));

        JsonNode data = render(spec, "{'amount': 1234}", context);

        assertThat(data.get("v").asText()).isEqualTo("¥1,234");
        assertThat(data.at("/v_compare/day/previous").asText()).isEqualTo("¥1,500");
        assertThat(data.at("/v_compare/day/delta").asText()).isEqualTo("-¥266");
        assertThat(data.at("/v_compare/day/percent").asText()).isEqualTo("-17.7%");
    }

    @Test
    void aNumberFieldKeepsItsOptionsAndNoChangeHasNoSign() {
        ProjectionSpec spec = field("{'source': 'n', 'format': 'number', 'options': {'decimals': 1}, 'compare': ['day', 'week']}");
        RenderContext context = RenderContext.at(NOW).withPrevious(PreviousValues.NONE
                .with("v", ComparePeriod.DAY, new BigDecimal("1234.5"), DAY_AGO)
                .with("v", ComparePeriod.WEEK, new BigDecimal("-2000"), WEEK_AGO));

        JsonNode data = render(spec, "{'n': 1234.5}", context);

        assertThat(data.at("/v_compare/day")).isEqualTo(json(
                "{'previous': '1,234.5', 'delta': '0.0', 'percent': '0%', 'trend': 'flat', 'at': '2023-11-13T22:13:20Z'}"));
        assertThat(data.at("/v_compare/week/delta").asText()).isEqualTo("+3,234.5");
        assertThat(data.at("/v_compare/week/percent").asText()).as("against the size of a negative previous value")
                .isEqualTo("+161.7%");
        assertThat(data.at("/v_compare/week/trend").asText()).isEqualTo("up");
    }

    @Test
    void aChangeThatRoundsToZeroAsShownHasNoSignButItsTrendIsExact() {
        ProjectionSpec spec = field("{'source': 'amount', 'format': 'currency', 'options': {'currency': 'usd', 'minorUnits': false}, "
                + "'compare': 'day'}");
        RenderContext context = RenderContext.at(NOW)
                .withPrevious(PreviousValues.NONE.with("v", ComparePeriod.DAY, new BigDecimal("10.001"), DAY_AGO));

        JsonNode day = render(spec, "{'amount': 10.004}", context).at("/v_compare/day");

        assertThat(day.get("delta").asText()).isEqualTo("$0.00");
        assertThat(day.get("trend").asText()).isEqualTo("up");
    }

    @Test
    void aPercentFieldsChangeIsInPointsAndItsPercentIsRelative() {
        ProjectionSpec spec = field("{'source': 'rate', 'format': 'percent', 'compare': 'month'}");
        RenderContext context = RenderContext.at(NOW)
                .withPrevious(PreviousValues.NONE.with("v", ComparePeriod.MONTH, new BigDecimal("0.125"), WEEK_AGO));

        JsonNode month = render(spec, "{'rate': 0.15}", context).at("/v_compare/month");

        assertThat(month.get("previous").asText()).isEqualTo("12.5%");
        assertThat(month.get("delta").asText()).isEqualTo("+2.5%");
        assertThat(month.get("percent").asText()).isEqualTo("+20%");
    }

    @Test
    void aRawFieldKeepsItsRawValueAndItsChangesAreWrittenAsNumbers() {
        ProjectionSpec spec = field("{'source': 'signups', 'compare': 'day'}");
        RenderContext context = RenderContext.at(NOW)
                .withPrevious(PreviousValues.NONE.with("v", ComparePeriod.DAY, new BigDecimal("1000"), DAY_AGO));

        JsonNode data = render(spec, "{'signups': 1250}", context);

        assertThat(data.get("v").isNumber()).isTrue();
        assertThat(data.at("/v_compare/day/previous").asText()).isEqualTo("1,000");
        assertThat(data.at("/v_compare/day/delta").asText()).isEqualTo("+250");
        assertThat(data.at("/v_compare/day/percent").asText()).isEqualTo("+25%");
    }

    @Test
    void aZeroPreviousValueHasNoPercentAndAMissingValueNoChange() {
        ProjectionSpec spec = field("{'source': 'n', 'format': 'number', 'compare': 'day'}");
        RenderContext context = RenderContext.at(NOW)
                .withPrevious(PreviousValues.NONE.with("v", ComparePeriod.DAY, BigDecimal.ZERO, DAY_AGO));

        assertThat(render(spec, "{'n': 5}", context).at("/v_compare/day")).isEqualTo(json(
                "{'previous': '0', 'delta': '+5', 'percent': null, 'trend': 'up', 'at': '2023-11-13T22:13:20Z'}"));
        for (String result : new String[] {"{}", "{'n': null}", "{'n': 'five'}", "[]"}) {
            assertThat(render(spec, result, context).at("/v_compare/day")).as(result).isEqualTo(json(
                    "{'previous': '0', 'delta': null, 'percent': null, 'trend': null, 'at': '2023-11-13T22:13:20Z'}"));
        }
    }

    @Test
    void aCurrencyWithoutAUsableCodeShowsNoAmountsButNeverFails() {
        ProjectionSpec spec = field("{'source': 'amount_cents', 'format': 'currency', 'compare': 'day'}");
        RenderContext context = RenderContext.at(NOW)
                .withPrevious(PreviousValues.NONE.with("v", ComparePeriod.DAY, new BigDecimal("100"), DAY_AGO));

        JsonNode day = render(spec, "{'amount_cents': 150, 'currency': 'zzz'}", context).at("/v_compare/day");

        assertThat(day.get("previous").isNull()).isTrue();
        assertThat(day.get("delta").isNull()).isTrue();
        assertThat(day.get("percent").asText()).isEqualTo("+50%");
    }

    @Test
    void sourceNumbersAreWhatTopLevelFieldsReadBeforeFormatting() {
        ProjectionSpec spec = ProjectionSpecParser.parseOrThrow(json("""
                {'fields': {'mrr': {'source': 'amount_cents', 'format': 'currency'},
                            'subs': {'source': 'subscriptions'},
                            'code': {'source': 'currency'},
                            'when': {'source': 'created', 'format': 'datetime'},
                            'gone': {'source': 'nothing', 'format': 'number'},
                            'label': {'literal': 7},
                            'rows': {'source': 'rows', 'each': {'fields': {'n': {'source': 'n'}}}}}}
                """));

        Map<String, BigDecimal> numbers = Projections.sourceNumbers(spec, json("""
                {'amount_cents': 120000, 'currency': 'usd', 'subscriptions': 42, 'created': 1699999700, 'rows': [{'n': 1}]}
                """));

        assertThat(numbers).containsExactly(Map.entry("mrr", new BigDecimal("120000")), Map.entry("subs", new BigDecimal("42")));
    }

    @Test
    void periodsCountCalendarUnitsInTheGivenZone() {
        Instant march31 = Instant.parse("2024-03-31T12:00:00Z");
        assertThat(ComparePeriod.MONTH.before(march31, ZoneId.of("UTC"))).isEqualTo(Instant.parse("2024-02-29T12:00:00Z"));
        assertThat(ComparePeriod.WEEK.before(march31, ZoneId.of("UTC"))).isEqualTo(Instant.parse("2024-03-24T12:00:00Z"));
        assertThat(ComparePeriod.DAY.before(march31, ZoneId.of("UTC"))).isEqualTo(Instant.parse("2024-03-30T12:00:00Z"));
        assertThat(ComparePeriod.DAY.before(march31, ZoneId.of("Europe/Berlin")))
                .as("the day the clocks went forward had 23 hours").isEqualTo(Instant.parse("2024-03-30T13:00:00Z"));
    }
}
