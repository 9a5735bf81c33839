package io.tributary.connector.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.QueryParameters;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.ResultField;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.ValidationProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final QueryType CHARGES = QueryType.builder("acme.charges", "Recent charges.")
            .parameter(
                    ParameterSpec.integer("limit", "How many.").between(1, 100).withDefault(10L),
                    ParameterSpec.string("status", "Only this status.").oneOf("succeeded", "failed"),
                    ParameterSpec.string("customer", "Only this customer.").matching("cus_[A-Za-z0-9]+"),
                    ParameterSpec.number("min_amount", "Smallest amount.").between(0, 1_000_000),
                    ParameterSpec.bool("include_refunded", "Include refunded charges.").withDefault(false),
                    ParameterSpec.timestamp("created_gte", "Created at or after."),
                    ParameterSpec.string("account", "The account.").asRequired())
            .resultField(ResultField.of("count", FieldType.INTEGER, "How many."))
            .build();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void fillsDefaultsAndConvertsEveryType() {
        QueryParameters parameters = ParameterValidator.validate(CHARGES, json("""
                {"account": "a1", "status": "failed", "customer": "cus_9", "min_amount": 12.5,
                 "created_gte": "2026-01-31T10:00:00+01:00"}"""));

        assertThat(parameters.integer("limit")).contains(10L);
        assertThat(parameters.bool("include_refunded")).contains(false);
        assertThat(parameters.string("status")).contains("failed");
        assertThat(parameters.string("customer")).contains("cus_9");
        assertThat(parameters.number("min_amount")).contains(new BigDecimal("12.5"));
        assertThat(parameters.timestamp("created_gte")).contains(Instant.parse("2026-01-31T09:00:00Z"));
        assertThat(parameters.string("account")).contains("a1");
        assertThat(parameters.queryTypeId()).isEqualTo("acme.charges");
    }

    @Test
    void acceptsUnixSecondsForTimestampsAndTreatsJsonNullAsAbsent() {
        QueryParameters parameters = ParameterValidator.validate(CHARGES,
                json("{\"account\": \"a\", \"created_gte\": 1700000000, \"limit\": null}"));

        assertThat(parameters.timestamp("created_gte")).contains(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(parameters.integer("limit")).contains(10L);
    }

    @Test
    void serialisesBackToJsonInNameOrder() {
        QueryParameters parameters = ParameterValidator.validate(CHARGES,
                json("{\"account\": \"a\", \"created_gte\": 1700000000}"));

        assertThat(parameters.toJson()).hasToString(
                "{\"account\":\"a\",\"created_gte\":1700000000,\"include_refunded\":false,\"limit\":10}");
    }

    @ParameterizedTest(name = "{0} -> {1} on {2}")
    @CsvSource(delimiter = '|', value = {
            "{}                                                  | required         | account",
            "{\"account\": \"a\", \"limit\": 0}                  | below_minimum    | limit",
            "{\"account\": \"a\", \"limit\": 101}                | above_maximum    | limit",
            "{\"account\": \"a\", \"limit\": \"10\"}             | wrong_type       | limit",
            "{\"account\": \"a\", \"limit\": 1.5}                | wrong_type       | limit",
            "{\"account\": \"a\", \"limit\": 99999999999999999999} | wrong_type     | limit",
            "{\"account\": \"a\", \"status\": \"pending\"}       | not_allowed      | status",
            "{\"account\": \"a\", \"customer\": \"cu_1\"}        | pattern_mismatch | customer",
            "{\"account\": \"a\", \"min_amount\": -0.01}         | below_minimum    | min_amount",
            "{\"account\": \"a\", \"include_refunded\": \"yes\"} | wrong_type       | include_refunded",
            "{\"account\": \"a\", \"created_gte\": \"yesterday\"}| wrong_type       | created_gte",
            "{\"account\": \"a\", \"created_gte\": -1}           | wrong_type       | created_gte",
            "{\"account\": \"a\", \"created_gte\": \"2026-01-31\"} | wrong_type     | created_gte",
            "{\"account\": 7}                                    | wrong_type       | account",
            "{\"account\": \"a\", \"colour\": \"red\"}           | unknown          | colour",
            "[1, 2]                                              | wrong_type       | params"
    })
    void eachBadParameterIsOneErrorNamingTheFieldAndTheReason(String parameters, String code, String field) {
        List<ValidationProblem> problems = ParameterValidator.problems(CHARGES, json(parameters));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.message()).contains(field.equals("params") ? "JSON object" : field);
        });
        assertThatThrownBy(() -> ParameterValidator.validate(CHARGES, json(parameters)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMETERS);
                    assertThat(e.errorCode().code()).isEqualTo("invalid_parameter");
                    assertThat(e.field()).contains(field);
                    assertThat(e.getMessage()).isEqualTo(problems.get(0).message());
                });
    }

    @Test
    void reportsEveryProblemAtOnceForForms() {
        List<ValidationProblem> problems = ParameterValidator.problems(CHARGES,
                json("{\"limit\": 500, \"status\": \"x\", \"extra\": 1}"));

        assertThat(problems).extracting(ValidationProblem::field)
                .containsExactlyInAnyOrder("extra", "limit", "status", "account");
    }

    @Test
    void noParametersAtAllIsTheEmptyObject() {
        QueryType noParameters = QueryType.builder("acme.balance", "Balance.")
                .resultField(ResultField.of("cents", FieldType.INTEGER, "Cents.")).build();

        assertThat(ParameterValidator.validate(noParameters, null).asMap()).isEmpty();
        assertThat(ParameterValidator.validate(noParameters, json("null")).asMap()).isEmpty();
    }

    @Test
    void readingAParameterAsTheWrongJavaTypeIsAProgrammingError() {
        QueryParameters parameters = ParameterValidator.validate(CHARGES, json("{\"account\": \"a\"}"));

        assertThatThrownBy(() -> parameters.string("limit")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void prepareFindsTheQueryTypeValidatesThenLetsTheConnectorCheck() {
        StubConnector checking = new StubConnector() {
            @Override
            public void checkParameters(QueryRequest request) {
                if (request.parameters().string("account").orElseThrow().startsWith("x")) {
                    throw ConnectorException.invalidParameter("account", "Accounts never start with x");
                }
            }
        };
        ConnectorDescriptor descriptor = ConnectorDescriptor.builder("acme", "Acme", "Reads Acme.").queryType(CHARGES).build();
        InstalledConnector connector = ConnectorInstaller.install(
                StubFactory.of("acme").describing(() -> descriptor).creating(settings -> checking), "test", Map.of());

        QueryRequest request = ParameterValidator.prepare(connector, "acme.charges", json("{\"account\": \"a\"}"));
        assertThat(request.queryTypeId()).isEqualTo("acme.charges");
        assertThatThrownBy(() -> ParameterValidator.prepare(connector, "acme.charges", json("{\"account\": \"xa\"}")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.field()).contains("account"));
        assertThatThrownBy(() -> ParameterValidator.prepare(connector, "acme.refunds", json("{}")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(StandardErrorCode.UNKNOWN_QUERY_TYPE.toErrorCode());
                    assertThat(e.field()).contains("type");
                });
    }

    @Test
    void parametersValidatedForOneQueryTypeCannotRunAnother() {
        QueryType other = QueryType.builder("acme.other", "Other.")
                .resultField(ResultField.of("n", FieldType.INTEGER, "N.")).build();
        QueryParameters parameters = ParameterValidator.validate(CHARGES, json("{\"account\": \"a\"}"));

        assertThatThrownBy(() -> new QueryRequest(other, parameters)).isInstanceOf(IllegalArgumentException.class);
    }
}
