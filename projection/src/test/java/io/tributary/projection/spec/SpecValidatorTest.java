package io.tributary.projection.spec;

import static io.tributary.projection.support.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.projection.Projections;
import io.tributary.projection.schema.ResultSchema;
import io.tributary.projection.support.Schemas;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

    private static List<SpecProblem> problems(String spec, ResultSchema schema) {
        return SpecValidator.validate(ProjectionSpecParser.parseOrThrow(json(spec)), schema);
    }

    private static SpecProblem onlyProblem(String spec, ResultSchema schema) {
        List<SpecProblem> problems = problems(spec, schema);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void acceptsSpecsThatFitTheResult() {
        assertThat(problems("""
                {'fields': {
                  'value': {'source': 'amount_cents', 'format': 'currency', 'options': {'compact': true}},
                  'label': {'literal': 'MRR'},
                  'subs': {'source': 'subscriptions', 'format': 'number'},
                  'second': {'source': 'by_currency[1].amount_cents', 'format': 'currency'},
                  'second_code': {'source': 'by_currency[1].currency'},
                  'all': {'source': 'by_currency'},
                  'rows': {'source': 'by_currency', 'each': {'fields': {
                      'amount': {'source': 'amount_cents', 'format': 'currency'},
                      'share': {'source': 'subscriptions', 'format': 'percent'}}}}}}
                """, Schemas.MRR)).isEmpty();
        assertThat(problems("""
                {'fields': {
                  'items': {'source': 'charges', 'limit': 5, 'each': {'fields': {
                      'amount': {'source': 'amount_cents', 'format': 'currency'},
                      'when': {'source': 'created_at_unix', 'format': 'datetime', 'options': {'relative': true}},
                      'who': {'source': 'customer_email'}}}},
                  'first': {'source': 'charges[0].created_at_unix', 'format': 'datetime'},
                  'account': {'source': 'account.name'}}}
                """, Schemas.CHARGES)).isEmpty();
    }

    @Test
    void acceptsCompareOnNumbersAndRefusesItOnOtherFieldsNamingTheField() {
        assertThat(problems("""
                {'fields': {
                  'mrr': {'source': 'amount_cents', 'format': 'currency', 'compare': ['day', 'week', 'month']},
                  'subs': {'source': 'subscriptions', 'compare': 'day'}}}
                """, Schemas.MRR)).isEmpty();
        assertThat(problems("{'fields': {'x': {'source': 'extra', 'compare': 'day'}}}", Schemas.CHARGES))
                .as("ANY may hold a number").isEmpty();

        assertThat(onlyProblem("{'fields': {'code': {'source': 'currency', 'compare': 'day'}}}", Schemas.MRR))
                .isEqualTo(new SpecProblem(ProblemCode.INVALID_COMPARE, "fields.code",
                        "compare needs a number, but 'currency' is of type string"));
        assertThat(onlyProblem("{'fields': {'who': {'source': 'account.name', 'compare': 'week'}}}", Schemas.CHARGES).code())
                .isEqualTo(ProblemCode.INVALID_COMPARE);
        assertThat(onlyProblem("{'fields': {'code': {'source': 'currency', 'format': 'number', 'compare': 'day'}}}", Schemas.MRR).code())
                .as("one problem: the format already says the field is not a number").isEqualTo(ProblemCode.FORMAT_MISMATCH);
    }

    @Test
    void reportsUnknownTopLevelPaths() {
        SpecProblem problem = onlyProblem("{'fields': {'value': {'source': 'amount', 'format': 'currency', "
                + "'options': {'currency': 'usd'}}}}", Schemas.MRR);
        assertThat(problem).isEqualTo(new SpecProblem(ProblemCode.UNKNOWN_PATH, "fields.value",
                "source 'amount': The result has no field 'amount'; it has: amount_cents, currency, subscriptions, by_currency"));
    }

    @Test
    void reportsUnknownPathsInsideListElementsWithTheWidgetField() {
        SpecProblem problem = onlyProblem("{'fields': {'items': {'source': 'charges', 'each': {'fields': "
                + "{'amount': {'source': 'amount', 'format': 'number'}}}}}}", Schemas.CHARGES);
        assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_PATH);
        assertThat(problem.field()).isEqualTo("fields.items.each.fields.amount");
        assertThat(problem.message()).isEqualTo("source 'amount': The result has no field 'amount'; it has: "
                + "id, amount_cents, currency, status, created_at_unix, customer_email");
    }

    @Test
    void explainsWhereANestedPathGoesWrong() {
        assertThat(onlyProblem("{'fields': {'a': {'source': 'charges.amount_cents'}}}", Schemas.CHARGES).message())
                .isEqualTo("source 'charges.amount_cents': 'charges' is a list; pick an element first, e.g. 'charges[0].amount_cents'");
        assertThat(onlyProblem("{'fields': {'a': {'source': 'charges[0].amount'}}}", Schemas.CHARGES).message())
                .isEqualTo("source 'charges[0].amount': 'charges[0]' has no field 'amount'; it has: "
                        + "id, amount_cents, currency, status, created_at_unix, customer_email");
        assertThat(onlyProblem("{'fields': {'a': {'source': 'account[0]'}}}", Schemas.CHARGES).message())
                .isEqualTo("source 'account[0]': 'account' is not a list, so [0] does not apply");
        assertThat(onlyProblem("{'fields': {'a': {'source': 'subscriptions.count'}}}", Schemas.MRR).message())
                .isEqualTo("source 'subscriptions.count': 'subscriptions' is of type integer and has no field 'count'");
    }

    @Test
    void leavesPathsBelowOpenFieldsUnchecked() {
        assertThat(problems("""
                {'fields': {
                  'a': {'source': 'metadata.plan.name'},
                  'b': {'source': 'extra[3].anything', 'format': 'number'},
                  'c': {'source': 'extra', 'each': {'fields': {'x': {'source': 'whatever', 'format': 'datetime'}}}},
                  'd': {'source': 'metadata.amount', 'format': 'currency'}}}
                """, Schemas.CHARGES)).isEmpty();
    }

    @Test
    void reportsFormatsThatDoNotFitTheField() {
        assertThat(onlyProblem("{'fields': {'a': {'source': 'charges[0].status', 'format': 'number'}}}", Schemas.CHARGES))
                .isEqualTo(new SpecProblem(ProblemCode.FORMAT_MISMATCH, "fields.a",
                        "Format number needs an integer or number, but 'charges[0].status' is of type string"));
        assertThat(onlyProblem("{'fields': {'a': {'source': 'charges[0].created_at_unix', 'format': 'percent-with-sign'}}}",
                Schemas.CHARGES).message())
                .isEqualTo("Format percent-with-sign needs an integer or number, but 'charges[0].created_at_unix' is of type timestamp");
        assertThat(onlyProblem("{'fields': {'a': {'source': 'account', 'format': 'datetime'}}}", Schemas.CHARGES).message())
                .isEqualTo("Format datetime needs a timestamp, integer (unix seconds) or string (ISO-8601), but 'account' is of type object");
    }

    @Test
    void acceptsEveryKindTheFormatsDocument() {
        assertThat(problems("""
                {'fields': {
                  'unix': {'source': 'amount_cents', 'format': 'datetime'},
                  'iso': {'source': 'currency', 'format': 'datetime'},
                  'pct': {'source': 'subscriptions', 'format': 'percent'},
                  'obj': {'source': 'by_currency'}}}
                """, Schemas.MRR)).isEmpty();
    }

    @Test
    void reportsListFieldsOverNonArrays() {
        assertThat(onlyProblem("{'fields': {'rows': {'source': 'account', 'each': {'fields': {'n': {'source': 'name'}}}}}}",
                Schemas.CHARGES)).isEqualTo(new SpecProblem(ProblemCode.FORMAT_MISMATCH, "fields.rows",
                "A list field needs an array, but 'account' is of type object"));
    }

    @Test
    void reportsAmountsWithoutACurrency() {
        assertThat(onlyProblem("{'fields': {'n': {'source': 'subscriptions', 'format': 'currency'}}}",
                io.tributary.projection.schema.ResultSchema.of(Schemas.MRR.fields().get(2))))
                .isEqualTo(new SpecProblem(ProblemCode.MISSING_CURRENCY, "fields.n",
                        "'subscriptions' has no string field 'currency' next to it; set the option currency (e.g. \"EUR\") or currencySource"));
        // by_currency elements carry their own currency, so the sibling rule finds it
        assertThat(problems("{'fields': {'n': {'source': 'by_currency[0].amount_cents', 'format': 'currency'}}}", Schemas.MRR)).isEmpty();
        // an explicit option or source removes the need
        assertThat(problems("{'fields': {'n': {'source': 'account.name', 'format': 'currency', 'options': {'currency': 'usd'}}}}",
                Schemas.CHARGES)).extracting(SpecProblem::code).containsExactly(ProblemCode.FORMAT_MISMATCH);
    }

    @Test
    void checksTheCurrencySourcePath() {
        String spec = "{'fields': {'n': {'source': 'charges[0].amount_cents', 'format': 'currency', "
                + "'options': {'currencySource': '%s'}}}}";
        assertThat(problems(spec.formatted("account.default_currency"), Schemas.CHARGES)).isEmpty();
        assertThat(onlyProblem(spec.formatted("account.currency"), Schemas.CHARGES)).isEqualTo(new SpecProblem(
                ProblemCode.UNKNOWN_PATH, "fields.n",
                "currencySource 'account.currency': 'account' has no field 'currency'; it has: name, default_currency"));
        assertThat(onlyProblem(spec.formatted("charges[0].created_at_unix"), Schemas.CHARGES)).isEqualTo(new SpecProblem(
                ProblemCode.FORMAT_MISMATCH, "fields.n",
                "currencySource 'charges[0].created_at_unix' must be a string field, but is of type timestamp"));
    }

    @Test
    void collectsAllProblemsAndThrowsThemFromTheConvenience() {
        ProjectionSpec spec = ProjectionSpecParser.parseOrThrow(json("""
                {'fields': {
                  'a': {'source': 'nope'},
                  'b': {'source': 'currency', 'format': 'number'},
                  'c': {'source': 'by_currency', 'each': {'fields': {'x': {'source': 'y'}}}}}}
                """));
        assertThat(SpecValidator.validate(spec, Schemas.MRR)).extracting(p -> p.code().id() + " " + p.field())
                .containsExactly("unknown_path fields.a", "format_mismatch fields.b", "unknown_path fields.c.each.fields.x");
        assertThatThrownBy(() -> SpecValidator.requireValid(spec, Schemas.MRR))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void checksShapeBeforeSchemaWhenSaving() {
        SpecParseResult malformed = Projections.parseAndValidate(json("{'fields': {'a': {'source': 'x['}}}"), Schemas.MRR);
        assertThat(malformed.problems()).extracting(SpecProblem::code).containsExactly(ProblemCode.INVALID_PATH);

        SpecParseResult unknown = Projections.parseAndValidate(json("{'fields': {'a': {'source': 'x'}}}"), Schemas.MRR);
        assertThat(unknown.problems()).extracting(SpecProblem::code).containsExactly(ProblemCode.UNKNOWN_PATH);

        SpecParseResult valid = Projections.parseAndValidate(json("{'fields': {'a': {'source': 'currency'}}}"), Schemas.MRR);
        assertThat(valid.isValid()).isTrue();
        assertThat(valid.problems()).isEmpty();
    }
}
