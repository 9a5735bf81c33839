package io.tributary.projection.spec;

import static io.tributary.projection.support.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectionSpecParserTest {

    @Test
    void readsLiteralSourceAndListFieldsInOrder() {
        ProjectionSpec spec = ProjectionSpecParser.parseOrThrow(json("""
                {'fields': {
                  'value': {'source': 'amount_cents', 'format': 'currency'},
                  'label': {'literal': 'MRR'},
                  'count': {'source': 'subscriptions'},
                  'items': {'source': 'charges', 'limit': 5, 'each': {'fields': {
                     'amount': {'source': 'amount_cents', 'format': 'currency'},
                     'when': {'source': 'created_at_unix', 'format': 'datetime', 'options': {'relative': true}}}}}}}
                """));

        assertThat(spec.fields()).containsOnlyKeys("value", "label", "count", "items");
        assertThat(spec.fields().keySet()).containsExactly("value", "label", "count", "items");
        assertThat(spec.fields().get("value")).isEqualTo(new SourceField(SourcePath.parse("amount_cents"),
                new CurrencyFormatSpec(OptionalInt.empty(), false, Optional.empty(), Optional.empty(), true)));
        assertThat(spec.fields().get("label")).isEqualTo(new LiteralField(TextNode.valueOf("MRR")));
        assertThat(spec.fields().get("count"))
                .isEqualTo(new SourceField(SourcePath.parse("subscriptions"), new RawFormatSpec()));
        ListField items = (ListField) spec.fields().get("items");
        assertThat(items.source()).hasToString("charges");
        assertThat(items.limit()).hasValue(5);
        assertThat(items.each().fields().get("when")).isEqualTo(new SourceField(SourcePath.parse("created_at_unix"),
                new DateTimeFormatSpec(Optional.empty(), Optional.empty(), true)));
    }

    @Test
    void readsEveryOption() {
        ProjectionSpec spec = ProjectionSpecParser.parseOrThrow(json("""
                {'fields': {
                  'a': {'source': 'x', 'format': 'currency', 'options': {'decimals': 0, 'compact': true,
                        'currency': 'eur', 'minorUnits': false, 'placeholder': 'n/a'}},
                  'b': {'source': 'x', 'format': 'currency', 'options': {'currencySource': 'meta.currency'}},
                  'c': {'source': 'x', 'format': 'number', 'options': {'decimals': 3, 'compact': false}},
                  'd': {'source': 'x', 'format': 'percent', 'options': {'input': 'points', 'decimals': 2}},
                  'e': {'source': 'x', 'format': 'percent-with-sign'},
                  'f': {'source': 'x', 'format': 'datetime', 'options': {'pattern': 'yyyy-MM-dd'}},
                  'g': {'source': 'x', 'format': 'datetime', 'options': {'style': 'short'}},
                  'h': {'source': 'x', 'options': {'placeholder': ''}}}}
                """));

        assertThat(spec.fields().get("a")).isEqualTo(new SourceField(SourcePath.parse("x"),
                new CurrencyFormatSpec(OptionalInt.of(0), true, Optional.of("EUR"), Optional.empty(), false), "n/a"));
        assertThat(((SourceField) spec.fields().get("b")).format()).isEqualTo(new CurrencyFormatSpec(
                OptionalInt.empty(), false, Optional.empty(), Optional.of(SourcePath.parse("meta.currency")), true));
        assertThat(((SourceField) spec.fields().get("c")).format()).isEqualTo(new NumberFormatSpec(OptionalInt.of(3), false));
        assertThat(((SourceField) spec.fields().get("d")).format())
                .isEqualTo(new PercentFormatSpec(OptionalInt.of(2), PercentFormatSpec.Input.POINTS, false));
        assertThat(((SourceField) spec.fields().get("e")).format())
                .isEqualTo(new PercentFormatSpec(OptionalInt.empty(), PercentFormatSpec.Input.RATIO, true));
        assertThat(((SourceField) spec.fields().get("f")).format())
                .isEqualTo(new DateTimeFormatSpec(Optional.of("yyyy-MM-dd"), Optional.empty(), false));
        assertThat(((SourceField) spec.fields().get("g")).format())
                .isEqualTo(new DateTimeFormatSpec(Optional.empty(), Optional.of(FormatStyle.SHORT), false));
        assertThat(((SourceField) spec.fields().get("h")).placeholder()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // spec shape
        "[]                                           | invalid_spec   |           | A spec must be a JSON object with \"fields\"",
        "{}                                           | invalid_spec   | fields    | \"fields\" is missing",
        "{'fields': []}                               | invalid_spec   | fields    | \"fields\" must be an object mapping widget field names to field specs",
        "{'fields': {}}                               | invalid_spec   | fields    | \"fields\" must have at least one field",
        "{'fields': {'a': {'literal': 1}}, 'x': 1}    | invalid_spec   |           | Unknown key 'x'; a spec has only \"fields\"",
        "{'fields': {'a.b': {'literal': 1}}}          | invalid_spec   | fields    | Field name 'a.b' must start with a letter or '_' and contain only letters, digits, '_' or '-' (at most 64 characters)",
        // field shape
        "{'fields': {'a': 'amount'}}                  | invalid_spec   | fields.a  | A field must be an object with \"literal\" or \"source\"",
        "{'fields': {'a': {}}}                        | invalid_spec   | fields.a  | A field needs either \"literal\" or \"source\"",
        "{'fields': {'a': {'literal': 1, 'source': 'x'}}}            | invalid_spec | fields.a | A field has either \"literal\" or \"source\", not both",
        "{'fields': {'a': {'literal': 1, 'format': 'number'}}}       | invalid_spec | fields.a | A literal field takes nothing besides \"literal\"",
        "{'fields': {'a': {'literal': 1, 'note': 'x'}}}              | invalid_spec | fields.a | Unknown key 'note'; a field may have literal, source, format, options, each, limit and compare",
        "{'fields': {'a': {'source': 'x', 'fromat': 'number'}}}      | invalid_spec | fields.a | Unknown key 'fromat'; a field may have literal, source, format, options, each, limit and compare",
        "{'fields': {'a': {'source': 7}}}                            | invalid_spec | fields.a | \"source\" must be a path string such as \"charges[0].amount_cents\"",
        "{'fields': {'a': {'source': 'a['}}}                         | invalid_path | fields.a | Invalid path 'a[' at position 1: '[' is not closed",
        "{'fields': {'a': {'source': 'x', 'format': 3}}}             | invalid_spec | fields.a | \"format\" must be a string",
        "{'fields': {'a': {'source': 'x', 'format': 'money'}}}       | unknown_format | fields.a | Unknown format 'money'; known formats: currency, number, percent, percent-with-sign, datetime",
        "{'fields': {'a': {'source': 'x', 'options': []}}}           | invalid_spec | fields.a | \"options\" must be an object",
        "{'fields': {'a': {'source': 'x', 'limit': 3}}}              | invalid_spec | fields.a | \"limit\" applies only to list fields, which have \"each\"",
        // list fields
        "{'fields': {'a': {'source': 'x', 'each': {'fields': {'b': {'literal': 1}}}, 'limit': 0}}}     | invalid_spec | fields.a | \"limit\" must be a whole number of at least 1",
        "{'fields': {'a': {'source': 'x', 'each': {'fields': {'b': {'literal': 1}}}, 'limit': 'ten'}}} | invalid_spec | fields.a | \"limit\" must be a whole number of at least 1",
        "{'fields': {'a': {'source': 'x', 'each': {'fields': {'b': {'literal': 1}}}, 'format': 'number'}}} | invalid_spec | fields.a | A list field (with \"each\") takes no format or options; format the fields inside \"each\"",
        "{'fields': {'a': {'source': 'x', 'each': 'amount'}}}                      | invalid_spec | fields.a.each | A spec must be a JSON object with \"fields\"",
        "{'fields': {'a': {'source': 'x', 'each': {'fields': {'b': {'source': 'q', 'format': 'nope'}}}}}} | unknown_format | fields.a.each.fields.b | Unknown format 'nope'; known formats: currency, number, percent, percent-with-sign, datetime",
        // options
        "{'fields': {'a': {'source': 'x', 'format': 'number', 'options': {'decimal': 2}}}}     | invalid_option | fields.a | Unknown option 'decimal' for format number; allowed: compact, decimals, placeholder",
        "{'fields': {'a': {'source': 'x', 'options': {'decimals': 2}}}}                        | invalid_option | fields.a | Unknown option 'decimals' for format raw; allowed: placeholder",
        "{'fields': {'a': {'source': 'x', 'format': 'number', 'options': {'decimals': 11}}}}   | invalid_option | fields.a | decimals must be between 0 and 10, got 11",
        "{'fields': {'a': {'source': 'x', 'format': 'number', 'options': {'decimals': -1}}}}   | invalid_option | fields.a | decimals must be between 0 and 10, got -1",
        "{'fields': {'a': {'source': 'x', 'format': 'number', 'options': {'decimals': 1.5}}}}  | invalid_option | fields.a | decimals must be a whole number between 0 and 10",
        "{'fields': {'a': {'source': 'x', 'format': 'number', 'options': {'compact': 'yes'}}}} | invalid_option | fields.a | compact must be true or false",
        "{'fields': {'a': {'source': 'x', 'format': 'number', 'options': {'placeholder': 0}}}} | invalid_option | fields.a | placeholder must be a string",
        "{'fields': {'a': {'source': 'x', 'format': 'currency', 'options': {'currency': 'EURO'}}}}  | invalid_option | fields.a | currency 'EURO' is not an ISO 4217 currency code",
        "{'fields': {'a': {'source': 'x', 'format': 'currency', 'options': {'currency': 'XYZ'}}}}   | invalid_option | fields.a | currency 'XYZ' is not an ISO 4217 currency code",
        "{'fields': {'a': {'source': 'x', 'format': 'currency', 'options': {'currency': 'usd', 'currencySource': 'c'}}}} | invalid_option | fields.a | Give either currency or currencySource, not both",
        "{'fields': {'a': {'source': 'x', 'format': 'currency', 'options': {'currencySource': 'c['}}}} | invalid_path | fields.a | currencySource: Invalid path 'c[' at position 1: '[' is not closed",
        "{'fields': {'a': {'source': 'x', 'format': 'percent', 'options': {'input': 'percent'}}}}  | invalid_option | fields.a | input must be 'ratio' (0.125 means 12.5%) or 'points' (12.5 means 12.5%), got 'percent'",
        "{'fields': {'a': {'source': 'x', 'format': 'datetime', 'options': {'style': 'tiny'}}}}   | invalid_option | fields.a | style must be one of short, medium, long, full; got 'tiny'",
        "{'fields': {'a': {'source': 'x', 'format': 'datetime', 'options': {'pattern': 'yyyy-MM-dd {'}}}} | invalid_option | fields.a | pattern 'yyyy-MM-dd {' is invalid: Pattern includes reserved character: '{'",
        "{'fields': {'a': {'source': 'x', 'format': 'datetime', 'options': {'relative': true, 'style': 'short'}}}} | invalid_option | fields.a | relative cannot be combined with pattern or style",
        "{'fields': {'a': {'source': 'x', 'format': 'datetime', 'options': {'pattern': 'yyyy', 'style': 'short'}}}} | invalid_option | fields.a | Give either pattern or style, not both",
        // compare
        "{'fields': {'a': {'source': 'x', 'compare': 'year'}}}                     | invalid_compare | fields.a | compare takes a period or a list of periods (day, week, month); got 'year'",
        "{'fields': {'a': {'source': 'x', 'compare': ['day', 'Week']}}}            | invalid_compare | fields.a | compare takes a period or a list of periods (day, week, month); got 'Week'",
        "{'fields': {'a': {'source': 'x', 'compare': 7}}}                          | invalid_compare | fields.a | compare takes a period or a list of periods (day, week, month); got 7",
        "{'fields': {'a': {'source': 'x', 'compare': []}}}                         | invalid_compare | fields.a | compare needs at least one period: day, week, month",
        "{'fields': {'a': {'source': 'x', 'compare': ['day', 'day']}}}             | invalid_compare | fields.a | compare names 'day' twice",
        "{'fields': {'a': {'source': 'x', 'format': 'datetime', 'compare': 'day'}}} | invalid_compare | fields.a | compare needs a number; a datetime field has no change to show",
        "{'fields': {'a': {'literal': 1, 'compare': 'day'}}}                       | invalid_spec    | fields.a | A literal field takes nothing besides \"literal\"",
        "{'fields': {'a': {'source': 'x', 'each': {'fields': {'b': {'literal': 1}}}, 'compare': 'day'}}} | invalid_compare | fields.a | A list field (with \"each\") cannot compare; compare a number field",
        "{'fields': {'a': {'source': 'x', 'each': {'fields': {'b': {'source': 'n', 'compare': 'day'}}}}}} | invalid_compare | fields.a.each.fields.b | compare is only for top-level fields: history is kept per block, not per list element",
        "{'fields': {'a': {'source': 'x', 'compare': 'day'}, 'a_compare': {'literal': 1}}} | invalid_compare | fields.a | compare writes the changes of 'a' to 'a_compare', which is also a field of this spec; rename one of them",
    })
    void reportsOneClearProblemPerMistake(String spec, String code, String field, String message) {
        SpecParseResult result = ProjectionSpecParser.parse(json(spec));

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems()).hasSize(1);
        SpecProblem problem = result.problems().get(0);
        assertThat(problem.code().id()).isEqualTo(code);
        assertThat(problem.field()).isEqualTo(field == null ? "" : field);
        assertThat(problem.message()).isEqualTo(message);
    }

    @Test
    void readsCompareAsOnePeriodOrAListInTheOrderWritten() {
        ProjectionSpec spec = ProjectionSpecParser.parseOrThrow(json("""
                {'fields': {
                  'mrr': {'source': 'amount_cents', 'format': 'currency', 'compare': ['month', 'day']},
                  'subs': {'source': 'subscriptions', 'compare': 'week'},
                  'plain': {'source': 'subscriptions', 'format': 'number'}}}
                """));

        assertThat(((SourceField) spec.fields().get("mrr")).compare()).containsExactly(ComparePeriod.MONTH, ComparePeriod.DAY);
        assertThat(((SourceField) spec.fields().get("subs")).compare()).containsExactly(ComparePeriod.WEEK);
        assertThat(((SourceField) spec.fields().get("plain")).compare()).isEmpty();
        assertThat(spec.compared()).containsExactly(
                java.util.Map.entry("mrr", java.util.List.of(ComparePeriod.MONTH, ComparePeriod.DAY)),
                java.util.Map.entry("subs", java.util.List.of(ComparePeriod.WEEK)));
    }

    @Test
    void collectsEveryProblemAcrossFields() {
        SpecParseResult result = ProjectionSpecParser.parse(json("""
                {'fields': {
                  'a': {'source': 'x['},
                  'b': {'source': 'x', 'format': 'money'},
                  'c': {'source': 'x', 'format': 'number', 'options': {'decimals': 'two', 'compact': 1}},
                  'items': {'source': 'charges', 'each': {'fields': {'when': {'literal': 1, 'source': 'y'}}}}}}
                """));

        assertThat(result.problems()).extracting(p -> p.code().id() + " " + p.field()).containsExactly(
                "invalid_path fields.a",
                "unknown_format fields.b",
                "invalid_option fields.c",
                "invalid_option fields.c",
                "invalid_spec fields.items.each.fields.when");
        assertThat(result.spec()).isEmpty();
    }

    @Test
    void throwsAllProblemsFromTheConvenience() {
        assertThatThrownBy(() -> ProjectionSpecParser.parseOrThrow(json("{'fields': {'a': {}, 'b': {'source': 'y]'}}}")))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessage("Invalid projection spec: invalid_spec at fields.a: A field needs either \"literal\" or \"source\"; "
                        + "invalid_path at fields.b: Invalid path 'y]' at position 1: unexpected ']'");
    }

    @Test
    void neverThrowsForOddJson() {
        assertThat(ProjectionSpecParser.parse(null).problems()).extracting(SpecProblem::code).containsExactly(ProblemCode.INVALID_SPEC);
        for (String odd : List.of("null", "1", "'text'", "{'fields': null}", "{'fields': {'a': null}}",
                "{'fields': {'a': {'source': null}}}", "{'fields': {'a': {'source': 'x', 'each': null}}}",
                "{'fields': {'a': {'source': 'x', 'format': null}}}")) {
            assertThat(ProjectionSpecParser.parse(json(odd)).isValid()).as(odd).isFalse();
        }
    }

    @Test
    void treatsNullOptionsAsNotGiven() {
        ProjectionSpec spec = ProjectionSpecParser.parseOrThrow(
                json("{'fields': {'a': {'source': 'x', 'format': 'number', 'options': {'decimals': null}}}}"));
        assertThat(((SourceField) spec.fields().get("a")).format()).isEqualTo(new NumberFormatSpec(OptionalInt.empty(), false));
    }
}
