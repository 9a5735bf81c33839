package io.tributary.projection.render;

import static io.tributary.projection.render.Fields.CONNECTOR_UNITS;
import static io.tributary.projection.render.Fields.EN_US_UTC;
import static io.tributary.projection.render.Fields.EN_US_UTC_CONNECTOR_UNITS;
import static io.tributary.projection.render.Fields.NOW;
import static io.tributary.projection.render.Fields.render;
import static io.tributary.projection.render.Fields.renderNode;
import static io.tributary.projection.support.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.projection.Projections;
import io.tributary.projection.spec.ProjectionSpec;
import io.tributary.projection.spec.ProjectionSpecParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionRendererTest {

    private static final String MRR_RESULT = """
            {'amount_cents': 123456, 'currency': 'usd', 'subscriptions': 42,
             'by_currency': [{'currency': 'usd', 'amount_cents': 123456, 'subscriptions': 40},
                             {'currency': 'eur', 'amount_cents': 9900, 'subscriptions': 2}]}
            """;

    private static final String CHARGES_RESULT = """
            {'charges': [
              {'id': 'ch_1', 'amount_cents': 500, 'currency': 'eur', 'status': 'succeeded',
               'created_at_unix': 1699999700, 'customer_email': null},
              {'id': 'ch_2', 'amount_cents': 120000, 'currency': 'jpy', 'status': 'failed',
               'created_at_unix': 1699740800, 'customer_email': 'a@example.com'},
              {'id': 'ch_3', 'amount_cents': 1, 'currency': 'usd', 'status': 'succeeded',
               'created_at_unix': 1600000000, 'customer_email': 'b@example.com'}]}
            """;

    @Test
    void rendersAnMrrWidget() {
        ProjectionSpec spec = ProjectionSpecParser.parseOrThrow(json("""
                {'fields': {
                  'value': {'source': 'amount_cents', 'format': 'currency'},
                  'compact': {'source': 'amount_cents', 'format': 'currency', 'options': {'compact': true}},
                  'label': {'literal': 'MRR'},
                  'subscriptions': {'source': 'subscriptions', 'format': 'number'},
                  'raw': {'source': 'subscriptions'},
                  'second': {'source': 'by_currency[1].amount_cents', 'format': 'currency'},
                  'second_code': {'source': 'by_currency[1].currency'}}}
                """));

        ObjectNode data = Projections.render(spec, json(MRR_RESULT), EN_US_UTC);

        assertThat(data).isEqualTo(json("""
                {'value': '$1,234.56', 'compact': '$1.2K', 'label': 'MRR', 'subscriptions': '42', 'raw': 42,
                 'second': '€99.00', 'second_code': 'eur'}
                """));
        assertThat(data.fieldNames()).toIterable()
                .containsExactly("value", "compact", "label", "subscriptions", "raw", "second", "second_code");
    }

    @Test
    void rendersARecentActivityList() {
        ProjectionSpec spec = ProjectionSpecParser.parseOrThrow(json("""
                {'fields': {
                  'title': {'literal': 'Recent charges'},
                  'items': {'source': 'charges', 'limit': 2, 'each': {'fields': {
                     'id': {'source': 'id'},
                     'amount': {'source': 'amount_cents', 'format': 'currency'},
                     'when': {'source': 'created_at_unix', 'format': 'datetime', 'options': {'relative': true}},
                     'email': {'source': 'customer_email', 'options': {'placeholder': 'guest'}}}}}}}
                """));

        assertThat(Projections.render(spec, json(CHARGES_RESULT), EN_US_UTC)).isEqualTo(json("""
                {'title': 'Recent charges', 'items': [
                  {'id': 'ch_1', 'amount': '€5.00', 'when': '5 minutes ago', 'email': 'guest'},
                  {'id': 'ch_2', 'amount': '¥120,000', 'when': '3 days ago', 'email': 'a@example.com'}]}
                """));
    }

    @Test
    void keepsEveryElementWithoutALimit() {
        JsonNode items = renderNode("{'source': 'charges', 'each': {'fields': {'id': {'source': 'id'}}}}", CHARGES_RESULT, EN_US_UTC);
        assertThat(items).isEqualTo(json("[{'id': 'ch_1'}, {'id': 'ch_2'}, {'id': 'ch_3'}]"));
    }

    @Test
    void rendersAnEmptyListWhenTheSourceIsNotAnArray() {
        String list = "{'source': 'charges', 'each': {'fields': {'id': {'source': 'id'}}}}";
        for (String result : List.of("{}", "{'charges': null}", "{'charges': 'none'}", "{'charges': {'id': 'x'}}", "[]")) {
            assertThat(renderNode(list, result, EN_US_UTC)).as(result).isEqualTo(json("[]"));
        }
    }

    @Test
    void rendersPlaceholdersForElementsThatAreNotObjects() {
        String list = "{'source': 'xs', 'each': {'fields': {'id': {'source': 'id'}, 'n': {'literal': 1}}}}";
        assertThat(renderNode(list, "{'xs': [1, null, {'id': 'a'}]}", EN_US_UTC))
                .isEqualTo(json("[{'id': '—', 'n': 1}, {'id': '—', 'n': 1}, {'id': 'a', 'n': 1}]"));
    }

    @Test
    void rendersNestedLists() {
        String nested = "{'source': 'groups', 'each': {'fields': {'name': {'source': 'name'}, "
                + "'rows': {'source': 'rows', 'limit': 1, 'each': {'fields': {'v': {'source': 'v', 'format': 'number'}}}}}}}";
        assertThat(renderNode(nested, "{'groups': [{'name': 'a', 'rows': [{'v': 1000}, {'v': 2}]}]}", EN_US_UTC))
                .isEqualTo(json("[{'name': 'a', 'rows': [{'v': '1,000'}]}]"));
    }

    @Test
    void showsThePlaceholderForMissingNullAndWrongTypedValues() {
        String number = "{'source': 'v', 'format': 'number'}";
        assertThat(render(number, "{}")).isEqualTo("—");
        assertThat(render(number, "{'v': null}")).isEqualTo("—");
        assertThat(render(number, "{'v': '42'}")).isEqualTo("—");
        assertThat(render(number, "{'v': true}")).isEqualTo("—");
        assertThat(render(number, "{'v': [1]}")).isEqualTo("—");
        assertThat(render("{'source': 'a.b[2].c', 'format': 'percent'}", "{'a': {'b': [1]}}")).isEqualTo("—");
        assertThat(render("{'source': 'amount_cents', 'format': 'currency'}", "{'amount_cents': 'lots', 'currency': 'usd'}"))
                .isEqualTo("—");
    }

    @Test
    void usesTheFieldsOwnPlaceholder() {
        assertThat(render("{'source': 'v', 'format': 'number', 'options': {'placeholder': 'n/a'}}", "{}")).isEqualTo("n/a");
        assertThat(render("{'source': 'v', 'format': 'datetime', 'options': {'placeholder': ''}}", "{'v': 'soon'}")).isEmpty();
        assertThat(render("{'source': 'v', 'options': {'placeholder': '-'}}", "{'v': null}")).isEqualTo("-");
    }

    @Test
    void copiesRawValuesUnchanged() {
        assertThat(renderNode("{'source': 'v'}", "{'v': {'a': [1, 'two', null], 'b': 1.5}}", EN_US_UTC))
                .isEqualTo(json("{'a': [1, 'two', null], 'b': 1.5}"));
        assertThat(renderNode("{'source': 'v'}", "{'v': false}", EN_US_UTC)).isEqualTo(json("false"));
        assertThat(renderNode("{'literal': {'x': [1]}}", "{}", EN_US_UTC)).isEqualTo(json("{'x': [1]}"));
        assertThat(renderNode("{'literal': null}", "{}", EN_US_UTC).isNull()).isTrue();
    }

    @Test
    void readsAmountsByTheMinorUnitTableTheCallerPasses() {
        ProjectionSpec spec = ProjectionSpecParser.parseOrThrow(json("""
                {'fields': {'mga': {'source': 'mga', 'format': 'currency', 'options': {'currency': 'MGA'}},
                            'isk': {'source': 'isk', 'format': 'currency', 'options': {'currency': 'ISK'}}}}
                """));
        JsonNode result = json("{'mga': 1500, 'isk': 10000}");

        assertThat(Projections.render(spec, result, RenderContext.at(NOW)))
                .isEqualTo(json("{'mga': 'MGA\u00A015.00', 'isk': 'ISK\u00A010,000'}"));
        assertThat(Projections.render(spec, result, RenderContext.at(NOW).withMinorUnits(CONNECTOR_UNITS)))
                .isEqualTo(json("{'mga': 'MGA\u00A01,500', 'isk': 'ISK\u00A0100'}"));
    }

    @Test
    void doesNotShareNodesWithTheResultOrTheSpec() {
        ProjectionSpec spec = ProjectionSpecParser.parseOrThrow(json("{'fields': {'raw': {'source': 'v'}, 'lit': {'literal': {'k': 1}}}}"));
        JsonNode result = json("{'v': {'k': 1}}");
        ObjectNode first = Projections.render(spec, result, EN_US_UTC);
        ((ObjectNode) first.get("raw")).put("k", 2);
        ((ObjectNode) first.get("lit")).put("k", 2);

        assertThat(result).isEqualTo(json("{'v': {'k': 1}}"));
        assertThat(Projections.render(spec, result, EN_US_UTC)).isEqualTo(json("{'raw': {'k': 1}, 'lit': {'k': 1}}"));
    }

    @Test
    void givesTheSameOutputForTheSameInput() {
        ProjectionSpec spec = ProjectionSpecParser.parseOrThrow(json(
                "{'fields': {'t': {'source': 'charges[0].created_at_unix', 'format': 'datetime', 'options': {'relative': true}}}}"));
        ObjectNode first = Projections.render(spec, json(CHARGES_RESULT), RenderContext.at(NOW));
        ObjectNode second = Projections.render(spec, json(CHARGES_RESULT), RenderContext.at(NOW));
        assertThat(first).isEqualTo(second).isEqualTo(json("{'t': '5 minutes ago'}"));
    }

    @Test
    void neverThrowsForAnyResult() {
        ProjectionSpec spec = ProjectionSpecParser.parseOrThrow(json("""
                {'fields': {
                  'raw': {'source': 'v'},
                  'deep': {'source': 'v.a[3].b'},
                  'cur': {'source': 'v', 'format': 'currency'},
                  'curCompact': {'source': 'v', 'format': 'currency', 'options': {'compact': true, 'currencySource': 'c'}},
                  'curFixed': {'source': 'v', 'format': 'currency', 'options': {'currency': 'JPY', 'decimals': 10}},
                  'num': {'source': 'v', 'format': 'number'},
                  'numCompact': {'source': 'v', 'format': 'number', 'options': {'compact': true}},
                  'pct': {'source': 'v', 'format': 'percent'},
                  'pctSign': {'source': 'v', 'format': 'percent-with-sign', 'options': {'input': 'points'}},
                  'time': {'source': 'v', 'format': 'datetime'},
                  'timeFull': {'source': 'v', 'format': 'datetime', 'options': {'style': 'full'}},
                  'timePattern': {'source': 'v', 'format': 'datetime', 'options': {'pattern': 'G yyyy QQQ w'}},
                  'timeRelative': {'source': 'v', 'format': 'datetime', 'options': {'relative': true}},
                  'list': {'source': 'v', 'limit': 3, 'each': {'fields': {'x': {'source': 'x', 'format': 'number'}}}}}}
                """));
        List<JsonNode> values = new ArrayList<>(List.of(
                json("null"), json("true"), json("''"), json("'usd'"), json("'2023-11-14'"), json("[]"), json("[1, null, {'x': 'y'}]"),
                json("{}"), json("0"), json("-0.0"), json("1e308"), json("-1e308"), json("1e-300"),
                json("123456789012345678901234567890"), json("-9223372036854775808"), json("9223372036854775807"),
                json("1.7976931348623157E308"), json("12345678901234567890.123456789")));
        values.add(DoubleNode.valueOf(Double.NaN));
        values.add(DoubleNode.valueOf(Double.POSITIVE_INFINITY));
        values.add(DoubleNode.valueOf(Double.NEGATIVE_INFINITY));
        values.add(JsonNodeFactory.instance.numberNode(new java.math.BigDecimal("1E+2147483647")));
        values.add(JsonNodeFactory.instance.numberNode(new java.math.BigDecimal("1E-2147483647")));
        values.add(JsonNodeFactory.instance.numberNode(new java.math.BigDecimal("9".repeat(999) + "E+1000")));

        for (JsonNode value : values) {
            for (JsonNode currency : List.of(json("'usd'"), json("'ISK'"), json("'bhd'"), json("'??'"), json("7"))) {
                ObjectNode result = JsonNodeFactory.instance.objectNode();
                result.set("v", value);
                result.set("currency", currency);
                result.set("c", currency);
                for (RenderContext context : List.of(EN_US_UTC, EN_US_UTC_CONNECTOR_UNITS)) {
                    assertThatCode(() -> {
                        ObjectNode data = Projections.render(spec, result, context);
                        assertThat(data.size()).isEqualTo(spec.fields().size());
                    }).as("v=%s currency=%s units=%s", value, currency, context.minorUnits()).doesNotThrowAnyException();
                }
            }
        }
        for (JsonNode odd : List.of(json("null"), json("[]"), json("'text'"), json("5"))) {
            assertThatCode(() -> Projections.render(spec, odd, EN_US_UTC)).doesNotThrowAnyException();
        }
        assertThatCode(() -> Projections.render(spec, null, EN_US_UTC)).doesNotThrowAnyException();
    }
}
