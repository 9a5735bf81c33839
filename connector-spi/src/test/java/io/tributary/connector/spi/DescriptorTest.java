package io.tributary.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescriptorTest {

    private static final QueryType COUNT = new QueryType("acme.count", "Counts.", List.of(),
            List.of(ResultField.of("count", FieldType.INTEGER, "The count.")));
    private static final CredentialField API_KEY = CredentialField.secret("api_key", "API key", "key_[a-z0-9]{8}",
            "Starts with key_ and has 8 more letters or digits");

    private static ConnectorDescriptor descriptor(List<CredentialField> fields, List<QueryType> queries,
                                                  List<StreamDescriptor> streams) {
        return new ConnectorDescriptor("acme", "Acme", "Reads Acme.", fields, queries, streams, true);
    }

    @Test
    void serialisesToJsonThatAFormCanBeRenderedFrom() {
        ConnectorDescriptor descriptor = descriptor(List.of(API_KEY),
                List.of(new QueryType("acme.recent", "Recent.",
                        List.of(ParameterSpec.integer("limit", "How many.").between(1, 50).withDefault(10)),
                        List.of(ResultField.arrayOf("items", "The items.",
                                ResultField.of("id", FieldType.STRING, "Id."),
                                ResultField.nullable("email", FieldType.STRING, "Email."))))),
                List.of(new StreamDescriptor("tickets", "Tickets.", "id", "updated_at", true, true)));

        JsonNode json = new ObjectMapper().valueToTree(descriptor);

        assertThat(json.at("/typeId").asText()).isEqualTo("acme");
        assertThat(json.at("/acceptsWebhooks").asBoolean()).isTrue();
        assertThat(json.at("/credentialFields/0/secret").asBoolean()).isTrue();
        assertThat(json.at("/credentialFields/0/helpText").asText()).startsWith("Starts with");
        assertThat(json.at("/queryTypes/0/parameters/0/type").asText()).isEqualTo("INTEGER");
        assertThat(json.at("/queryTypes/0/parameters/0/defaultValue").asLong()).isEqualTo(10);
        assertThat(json.at("/queryTypes/0/parameters/0/maximum").asInt()).isEqualTo(50);
        assertThat(json.at("/queryTypes/0/resultFields/0/fields/1/nullable").asBoolean()).isTrue();
        assertThat(json.at("/streams/0/cursorField").asText()).isEqualTo("updated_at");
    }

    @Test
    void refusesDuplicateIdsAndUnprefixedQueryTypes() {
        assertThatThrownBy(() -> descriptor(List.of(API_KEY, API_KEY), List.of(), List.of()))
                .hasMessageContaining("'api_key' is declared twice");
        assertThatThrownBy(() -> descriptor(List.of(), List.of(COUNT, COUNT), List.of()))
                .hasMessageContaining("'acme.count' is declared twice");
        StreamDescriptor stream = new StreamDescriptor("tickets", "Tickets.", "id", "created", true, false);
        assertThatThrownBy(() -> descriptor(List.of(), List.of(), List.of(stream, stream)))
                .hasMessageContaining("'tickets' is declared twice");
        QueryType foreign = new QueryType("other.count", "Counts.", List.of(), COUNT.resultFields());
        assertThatThrownBy(() -> descriptor(List.of(), List.of(foreign), List.of()))
                .hasMessageContaining("prefixed with 'acme.'");
    }

    @Test
    void refusesMalformedIds() {
        assertThatThrownBy(() -> new ConnectorDescriptor("Acme Inc", "Acme", "Reads.", List.of(), List.of(), List.of(), false))
                .hasMessageContaining("typeId");
        assertThatThrownBy(() -> new QueryType("count", "Counts.", List.of(), COUNT.resultFields()))
                .hasMessageContaining("<connector>.<name>");
        assertThatThrownBy(() -> ParameterSpec.string("Limit", "x")).hasMessageContaining("Parameter name");
        assertThatThrownBy(() -> new ErrorCode("Bad Code", ErrorKind.INTERNAL)).hasMessageContaining("lower-case");
    }

    @Test
    void queryTypesMustDeclareResultFieldsAndOnlyContainersHaveChildren() {
        assertThatThrownBy(() -> new QueryType("acme.none", "Nothing.", List.of(), List.of()))
                .hasMessageContaining("must declare its result fields");
        assertThatThrownBy(() -> new ResultField("n", FieldType.INTEGER, "N.", false,
                List.of(ResultField.of("x", FieldType.STRING, "X.")))).hasMessageContaining("only OBJECT and ARRAY");
    }

    @Test
    void parameterConstraintsMustFitTheTypeAndTheDefault() {
        assertThatThrownBy(() -> ParameterSpec.integer("limit", "x").between(1, 100).withDefault(500L))
                .hasMessageContaining("its default must be at most 100");
        assertThatThrownBy(() -> ParameterSpec.integer("limit", "x").withDefault("ten"))
                .hasMessageContaining("does not fit INTEGER");
        assertThatThrownBy(() -> ParameterSpec.integer("limit", "x").withDefault(1L).asRequired())
                .hasMessageContaining("required, so it cannot have a default");
        assertThatThrownBy(() -> ParameterSpec.string("s", "x").between(1, 2))
                .hasMessageContaining("only INTEGER and NUMBER take bounds");
        assertThatThrownBy(() -> ParameterSpec.integer("n", "x").between(5, 1))
                .hasMessageContaining("minimum is above maximum");
        assertThatThrownBy(() -> ParameterSpec.bool("b", "x").oneOf("yes"))
                .hasMessageContaining("only STRING takes allowed values");
        assertThatThrownBy(() -> ParameterSpec.string("s", "x").matching("(unclosed"))
                .hasMessageContaining("invalid pattern");
        assertThatThrownBy(() -> ParameterSpec.string("s", "x").oneOf("a", "b").withDefault("c"))
                .hasMessageContaining("its default must be one of a, b");
        assertThat(ParameterSpec.number("n", "x").withDefault(2).defaultValue()).isEqualTo(BigDecimal.valueOf(2));
        assertThat(ParameterSpec.integer("n", "x").withDefault(2).defaultValue()).isEqualTo(2L);
    }

    @Test
    void credentialsAreCheckedAgainstTheFieldsWithoutEchoingValues() {
        ConnectorDescriptor descriptor = descriptor(List.of(API_KEY,
                new CredentialField("region", "Region", false, false, "eu|us", null)), List.of(), List.of());

        assertThat(CredentialsValidator.problems(descriptor, Map.of("api_key", "key_abcd1234"))).isEmpty();
        assertThat(CredentialsValidator.problems(descriptor, Map.of("region", "mars", "password", "hunter2")))
                .extracting(ValidationProblem::field, ValidationProblem::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("password", "unknown"),
                        org.assertj.core.groups.Tuple.tuple("api_key", "required"),
                        org.assertj.core.groups.Tuple.tuple("region", "pattern_mismatch"));
        List<ValidationProblem> wrongKey = CredentialsValidator.problems(descriptor, Map.of("api_key", "sk_live_SECRETVALUE"));
        assertThat(wrongKey).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("pattern_mismatch");
            assertThat(problem.message()).contains("Starts with key_").doesNotContain("SECRETVALUE");
        });
        assertThatThrownBy(() -> new CredentialField("k", "K", true, true, "[", null)).hasMessageContaining("invalid pattern");
    }

    @Test
    void aSecretFieldDeclaresThePrefixesOfItsValuesThatAreNotSecret() {
        CredentialField key = API_KEY.withPublicPrefixes("key_live_", "key_test_");

        assertThat(key.publicPrefixes()).containsExactly("key_live_", "key_test_");
        assertThat(key.withPublicPrefixes().publicPrefixes()).isEmpty();
        assertThat(API_KEY.publicPrefixes()).as("fields made the way they were before prefixes existed").isEmpty();
        assertThat(new CredentialField("k", "K", true, true, null, null).publicPrefixes()).isEmpty();
        assertThat(key).isEqualTo(CredentialField.secret("api_key", "API key", "key_[a-z0-9]{8}",
                "Starts with key_ and has 8 more letters or digits").withPublicPrefixes("key_live_", "key_test_"));
        JsonNode json = new ObjectMapper().valueToTree(descriptor(List.of(key), List.of(), List.of()));
        assertThat(json.at("/credentialFields/0/publicPrefixes/1").asText()).isEqualTo("key_test_");
    }

    @Test
    void refusesPublicPrefixesThatAreEmptyLongSpacedRepeatedOrOnAFieldThatIsNotSecret() {
        assertThatThrownBy(() -> API_KEY.withPublicPrefixes("")).hasMessageContaining("public prefix must be 1 to 16");
        assertThatThrownBy(() -> API_KEY.withPublicPrefixes("key_" + "x".repeat(13))).hasMessageContaining("public prefix must be 1 to 16");
        assertThatThrownBy(() -> API_KEY.withPublicPrefixes("key ")).hasMessageContaining("without spaces");
        assertThatThrownBy(() -> API_KEY.withPublicPrefixes("clé_")).hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> API_KEY.withPublicPrefixes("key_", "key_")).hasMessageContaining("'key_' is declared twice");
        assertThatThrownBy(() -> API_KEY.withPublicPrefixes((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CredentialField("region", "Region", false, false, null, null).withPublicPrefixes("eu"))
                .hasMessageContaining("'region' is not secret");
    }
}
