package io.tributary.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescriptorTest {

    private static final QueryType COUNT = QueryType.builder("acme.count", "Counts.")
            .resultField(ResultField.of("count", FieldType.INTEGER, "The count.")).build();
    private static final CredentialField API_KEY = CredentialField.secret("api_key", "API key").pattern("key_[a-z0-9]{8}")
            .helpText("Starts with key_ and has 8 more letters or digits").build();

    @Test
    void serialisesToJsonThatAFormCanBeRenderedFrom() {
        ConnectorDescriptor descriptor = ConnectorDescriptor.builder("acme", "Acme", "Reads Acme.")
                .credentialField(API_KEY)
                .queryType(QueryType.builder("acme.recent", "Recent.")
                        .parameter(ParameterSpec.integer("limit", "How many.").between(1, 50).withDefault(10))
                        .resultField(ResultField.arrayOf("items", "The items.",
                                ResultField.of("id", FieldType.STRING, "Id."),
                                ResultField.nullable("email", FieldType.STRING, "Email."),
                                ResultField.money("amount", "Amount.", "currency"),
                                ResultField.of("currency", FieldType.STRING, "ISO code.")))
                        .build())
                .minorUnits(MinorUnits.iso4217Except(Map.of("MGA", 0)))
                .build();

        JsonNode json = new ObjectMapper().valueToTree(descriptor);

        assertThat(json.at("/typeId").asText()).isEqualTo("acme");
        assertThat(json.at("/displayName").asText()).isEqualTo("Acme");
        assertThat(json.at("/credentialFields/0/name").asText()).isEqualTo("api_key");
        assertThat(json.at("/credentialFields/0/secret").asBoolean()).isTrue();
        assertThat(json.at("/credentialFields/0/required").asBoolean()).isTrue();
        assertThat(json.at("/credentialFields/0/helpText").asText()).startsWith("Starts with");
        assertThat(json.at("/queryTypes/0/id").asText()).isEqualTo("acme.recent");
        assertThat(json.at("/queryTypes/0/parameters/0/type").asText()).isEqualTo("INTEGER");
        assertThat(json.at("/queryTypes/0/parameters/0/defaultValue").asLong()).isEqualTo(10);
        assertThat(json.at("/queryTypes/0/parameters/0/maximum").asInt()).isEqualTo(50);
        assertThat(json.at("/queryTypes/0/resultFields/0/fields/1/nullable").asBoolean()).isTrue();
        assertThat(json.at("/queryTypes/0/resultFields/0/fields/2/type").asText()).isEqualTo("MONEY");
        assertThat(json.at("/queryTypes/0/resultFields/0/fields/2/currencyField").asText()).isEqualTo("currency");
        assertThat(json.at("/minorUnits/exponents/MGA").asInt()).isZero();
        assertThat(json.has("streams")).as("capabilities are facets of the connector, not descriptor fields").isFalse();
    }

    @Test
    void streamsSerialiseWithTheirCursorFormat() {
        StreamDescriptor stream = StreamDescriptor.builder("tickets", "Tickets.").cursor("created_at", CursorFormat.ISO_8601)
                .incremental().build();

        JsonNode json = new ObjectMapper().valueToTree(stream);

        assertThat(json.at("/cursorField").asText()).isEqualTo("created_at");
        assertThat(json.at("/cursorFormat").asText()).isEqualTo("ISO_8601");
        assertThat(json.at("/incremental").asBoolean()).isTrue();
        assertThat(json.at("/createdFilter").asBoolean()).isFalse();
    }

    @Test
    void refusesDuplicateIdsAndUnprefixedQueryTypes() {
        assertThatThrownBy(() -> ConnectorDescriptor.builder("acme", "Acme", "Reads.").credentialField(API_KEY, API_KEY).build())
                .hasMessageContaining("'api_key' is declared twice");
        assertThatThrownBy(() -> ConnectorDescriptor.builder("acme", "Acme", "Reads.").queryType(COUNT, COUNT).build())
                .hasMessageContaining("'acme.count' is declared twice");
        QueryType foreign = QueryType.builder("other.count", "Counts.").resultField(COUNT.resultFields().get(0)).build();
        assertThatThrownBy(() -> ConnectorDescriptor.builder("acme", "Acme", "Reads.").queryType(foreign).build())
                .hasMessageContaining("prefixed with 'acme.'");
    }

    @Test
    void refusesMalformedIds() {
        assertThatThrownBy(() -> ConnectorDescriptor.builder("Acme Inc", "Acme", "Reads.").build()).hasMessageContaining("typeId");
        assertThatThrownBy(() -> ConnectorDescriptor.builder("acme", " ", "Reads.").build()).hasMessageContaining("displayName");
        assertThatThrownBy(() -> QueryType.builder("count", "Counts.").resultField(COUNT.resultFields().get(0)).build())
                .hasMessageContaining("<connector>.<name>");
        assertThatThrownBy(() -> ParameterSpec.string("Limit", "x")).hasMessageContaining("Parameter name");
        assertThatThrownBy(() -> new ErrorCode("Bad Code", ErrorKind.INTERNAL)).hasMessageContaining("lower-case");
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
    void aSecretFieldDeclaresThePrefixesOfItsValuesThatAreNotSecret() {
        CredentialField key = API_KEY.toBuilder().publicPrefixes("key_live_", "key_test_").build();

        assertThat(key.publicPrefixes()).containsExactly("key_live_", "key_test_");
        assertThat(key.toBuilder().publicPrefixes().build().publicPrefixes()).isEmpty();
        assertThat(API_KEY.publicPrefixes()).as("a field built without prefixes").isEmpty();
        assertThat(key).isEqualTo(CredentialField.secret("api_key", "API key").pattern("key_[a-z0-9]{8}")
                .helpText("Starts with key_ and has 8 more letters or digits").publicPrefixes("key_live_", "key_test_").build());
        JsonNode json = new ObjectMapper().valueToTree(ConnectorDescriptor.builder("acme", "Acme", "Reads.").credentialField(key).build());
        assertThat(json.at("/credentialFields/0/publicPrefixes/1").asText()).isEqualTo("key_test_");
    }

    @Test
    void refusesPublicPrefixesThatAreEmptyLongSpacedRepeatedOrOnAFieldThatIsNotSecret() {
        CredentialField.Builder key = API_KEY.toBuilder();
        assertThatThrownBy(() -> key.publicPrefixes("").build()).hasMessageContaining("public prefix must be 1 to 16");
        assertThatThrownBy(() -> key.publicPrefixes("key_" + "x".repeat(13)).build()).hasMessageContaining("public prefix must be 1 to 16");
        assertThatThrownBy(() -> key.publicPrefixes("key ").build()).hasMessageContaining("without spaces");
        assertThatThrownBy(() -> key.publicPrefixes("clé_").build()).hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> key.publicPrefixes("key_", "key_").build()).hasMessageContaining("'key_' is declared twice");
        assertThatThrownBy(() -> key.publicPrefixes((String) null).build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CredentialField.plain("region", "Region").publicPrefixes("eu").build())
                .hasMessageContaining("'region' is not secret");
    }
}
