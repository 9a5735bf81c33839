package io.tributary.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link QueryParameters#of} and {@link ConnectorSettings}: values checked against a schema, defaults filled in. */
class TypedValuesTest {

    private static final QueryType RECENT = QueryType.builder("acme.recent", "Recent.")
            .parameter(ParameterSpec.integer("limit", "How many.").between(1, 50).withDefault(10),
                    ParameterSpec.string("account", "Whose.").asRequired(),
                    ParameterSpec.timestamp("since", "From when."))
            .resultField(ResultField.of("count", FieldType.INTEGER, "How many."))
            .build();

    private static final List<ParameterSpec> SETTINGS = List.of(
            ParameterSpec.string("api_base", "Where the API is.").matching("https?://.+").withDefault("https://api.acme.example"),
            ParameterSpec.integer("timeout_seconds", "How long to wait.").between(1, 600).withDefault(30),
            ParameterSpec.number("ratio", "A share."),
            ParameterSpec.bool("verbose", "Whether to log more.").withDefault(false),
            ParameterSpec.timestamp("not_before", "Ignore what was created before."));

    @Test
    void queryParametersFillDefaultsAndTakeAnIntegerAsALong() {
        QueryParameters parameters = QueryParameters.of(RECENT, Map.of("account", "a1", "limit", 5));

        assertThat(parameters.queryTypeId()).isEqualTo("acme.recent");
        assertThat(parameters.integer("limit")).contains(5L);
        assertThat(parameters.string("account")).contains("a1");
        assertThat(parameters.timestamp("since")).isEmpty();
        assertThat(QueryParameters.of(RECENT, Map.of("account", "a1")).integer("limit")).contains(10L);
        assertThat(parameters).isEqualTo(QueryParameters.of(RECENT, Map.of("account", "a1", "limit", 5L)));
        assertThat(parameters.asMap()).containsOnlyKeys("account", "limit");
    }

    @Test
    void queryParametersRefuseWhatTheSchemaDoesNotAllow() {
        assertThatThrownBy(() -> QueryParameters.of(RECENT, Map.of("account", "a1", "colour", "red")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'colour' is not declared by acme.recent");
        assertThatThrownBy(() -> QueryParameters.of(RECENT, Map.of("account", "a1", "limit", 51)))
                .hasMessageContaining("acme.recent: 'limit' must be at most 50");
        assertThatThrownBy(() -> QueryParameters.of(RECENT, Map.of("account", "a1", "limit", "5")))
                .hasMessageContaining("'limit' must be an integer");
        assertThatThrownBy(() -> QueryParameters.of(RECENT, Map.of())).hasMessageContaining("'account' is required");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("account", null);
        assertThatThrownBy(() -> QueryParameters.of(RECENT, withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void queryParametersAreReadAsTheirOwnTypeOnly() {
        QueryParameters parameters = QueryParameters.of(RECENT, Map.of("account", "a1", "since", Instant.ofEpochSecond(1_700_000_000L)));

        assertThat(parameters.timestamp("since")).contains(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(parameters.toJson()).hasToString("{\"account\":\"a1\",\"limit\":10,\"since\":1700000000}");
        assertThatThrownBy(() -> parameters.string("limit")).hasMessageContaining("'limit' of acme.recent is a Long, not a String");
    }

    @Test
    void settingsDefaultsAreTheSchemasDefaults() {
        ConnectorSettings defaults = ConnectorSettings.defaults(SETTINGS);

        assertThat(defaults.string("api_base")).contains("https://api.acme.example");
        assertThat(defaults.integer("timeout_seconds")).contains(30L);
        assertThat(defaults.bool("verbose")).contains(false);
        assertThat(defaults.number("ratio")).isEmpty();
        assertThat(defaults.asMap()).containsOnlyKeys("api_base", "timeout_seconds", "verbose");
        assertThat(ConnectorSettings.defaults(List.of()).asMap()).isEmpty();
    }

    @Test
    void settingsKeepWhatIsGivenAndCheckIt() {
        ConnectorSettings settings = ConnectorSettings.of(SETTINGS,
                Map.of("api_base", "http://127.0.0.1:8080", "timeout_seconds", 5, "ratio", new BigDecimal("0.25")));

        assertThat(settings.string("api_base")).contains("http://127.0.0.1:8080");
        assertThat(settings.integer("timeout_seconds")).contains(5L);
        assertThat(settings.number("ratio")).contains(new BigDecimal("0.25"));
        assertThat(ConnectorSettings.of(SETTINGS, Map.of("not_before", Instant.EPOCH)).timestamp("not_before")).contains(Instant.EPOCH);
        assertThat(settings).isEqualTo(ConnectorSettings.of(SETTINGS,
                Map.of("api_base", "http://127.0.0.1:8080", "timeout_seconds", 5L, "ratio", new BigDecimal("0.25"))));
        assertThat(settings.toString()).startsWith("ConnectorSettings{api_base=http://127.0.0.1:8080, ratio=0.25");
        assertThatThrownBy(() -> settings.string("timeout_seconds")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectorSettings.of(SETTINGS, Map.of("api_base", "ftp://x")))
                .hasMessageContaining("the connector's settings: 'api_base' does not have the expected form");
        assertThatThrownBy(() -> ConnectorSettings.of(SETTINGS, Map.of("proxy", "x")))
                .hasMessageContaining("'proxy' is not declared by the connector's settings");
        assertThatThrownBy(() -> ConnectorSettings.of(SETTINGS, Map.of("timeout_seconds", 0)))
                .hasMessageContaining("'timeout_seconds' must be at least 1");
    }
}
