package io.tributary.connector.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.ParameterSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsValidatorTest {

    private static final List<ParameterSpec> SCHEMA = List.of(
            ParameterSpec.string("api_base", "Where the API is.").matching("https?://.+").withDefault("https://api.acme.example"),
            ParameterSpec.integer("page_size", "Records per page.").between(1, 1000).withDefault(100),
            ParameterSpec.number("share", "A share of the rate limit.").between(BigDecimal.ZERO, BigDecimal.ONE),
            ParameterSpec.bool("verbose", "Log every request.").withDefault(false),
            ParameterSpec.timestamp("not_before", "Ignore objects created before."),
            ParameterSpec.string("region", "The account's region.").oneOf("eu", "us").asRequired());

    @Test
    void fillsDefaultsAndKeepsWhatIsConfigured() {
        ConnectorSettings settings = SettingsValidator.validate("acme", SCHEMA, Map.of("region", "eu"));

        assertThat(settings.string("region")).contains("eu");
        assertThat(settings.string("api_base")).contains("https://api.acme.example");
        assertThat(settings.integer("page_size")).contains(100L);
        assertThat(settings.bool("verbose")).contains(false);
        assertThat(settings.number("share")).isEmpty();
    }

    @Test
    void readsTextFromAConfigurationFileOrTheEnvironmentAsTheSchemasType() {
        ConnectorSettings settings = SettingsValidator.validate("acme", SCHEMA, Map.of("region", "us", "page_size", "300",
                "share", "0.25", "verbose", "TRUE", "not_before", "2026-01-31T10:00:00+01:00"));

        assertThat(settings.integer("page_size")).contains(300L);
        assertThat(settings.number("share")).contains(new BigDecimal("0.25"));
        assertThat(settings.bool("verbose")).contains(true);
        assertThat(settings.timestamp("not_before")).contains(Instant.parse("2026-01-31T09:00:00Z"));
        assertThat(SettingsValidator.validate("acme", SCHEMA, Map.of("region", "us", "page_size", " 300 ")).integer("page_size"))
                .as("text is trimmed").contains(300L);
    }

    @Test
    void takesNumbersAndBooleansAsAYamlParserGivesThem() {
        ConnectorSettings settings = SettingsValidator.validate("acme", SCHEMA,
                Map.of("region", "us", "page_size", 300, "share", 0.5, "verbose", true, "not_before", 1_700_000_000L));

        assertThat(settings.integer("page_size")).contains(300L);
        assertThat(settings.number("share")).contains(new BigDecimal("0.5"));
        assertThat(settings.bool("verbose")).contains(true);
        assertThat(settings.timestamp("not_before")).as("unix seconds, as the type says").contains(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(SettingsValidator.validate("acme", SCHEMA, Map.of("region", "us", "not_before", "1700000000")).timestamp("not_before"))
                .contains(Instant.ofEpochSecond(1_700_000_000L));
    }

    @ParameterizedTest(name = "{0}={1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "proxy      | http://p   | connectors.acme.proxy is not a setting of connector 'acme' (its settings are api_base, page_size, share, verbose, not_before, region)",
            "page_size  | ten        | connectors.acme.page_size must be an integer",
            "page_size  | 2.5        | connectors.acme.page_size must be an integer",
            "page_size  | 0          | connectors.acme.page_size must be at least 1",
            "page_size  | 1001       | connectors.acme.page_size must be at most 1000",
            "share      | half       | connectors.acme.share must be a number",
            "share      | 1.5        | connectors.acme.share must be at most 1",
            "verbose    | yes        | connectors.acme.verbose must be true or false",
            "not_before | yesterday  | connectors.acme.not_before must be a time",
            "api_base   | ftp://x    | connectors.acme.api_base does not have the expected form (https?://.+)",
            "region     | mars       | connectors.acme.region must be one of eu, us"
    })
    void eachProblemNamesTheSettingsPath(String key, String value, String message) {
        Map<String, Object> raw = new HashMap<>(Map.of("region", "eu"));
        raw.put(key, value);

        assertThat(SettingsValidator.problems("acme", SCHEMA, raw)).singleElement().asString().startsWith(message);
        assertThatThrownBy(() -> SettingsValidator.validate("acme", SCHEMA, raw))
                .isInstanceOf(ConnectorLoadException.class)
                .hasMessageStartingWith("Invalid settings for connector 'acme': ").hasMessageContaining(message);
    }

    @Test
    void aMissingRequiredSettingIsNamedWithWhatItMeans() {
        assertThat(SettingsValidator.problems("acme", SCHEMA, Map.of()))
                .containsExactly("connectors.acme.region is required (The account's region.)");
        assertThat(SettingsValidator.problems("acme", SCHEMA, null)).hasSize(1);
    }

    @Test
    void anEmptyValueIsOfTheWrongType() {
        Map<String, Object> raw = new HashMap<>(Map.of("region", "eu"));
        raw.put("page_size", null);

        assertThat(SettingsValidator.problems("acme", SCHEMA, raw)).containsExactly("connectors.acme.page_size must be an integer");
    }

    @Test
    void listsEveryProblemAtOnce() {
        Map<String, Object> raw = Map.of("page_size", "0", "verbose", "yes", "colour", "red");

        List<String> problems = SettingsValidator.problems("acme", SCHEMA, raw);

        assertThat(problems).hasSize(4).allSatisfy(problem -> assertThat(problem).startsWith("connectors.acme."));
        assertThat(problems).anySatisfy(problem -> assertThat(problem).startsWith("connectors.acme.colour"))
                .anySatisfy(problem -> assertThat(problem).startsWith("connectors.acme.page_size"))
                .anySatisfy(problem -> assertThat(problem).startsWith("connectors.acme.verbose"))
                .anySatisfy(problem -> assertThat(problem).startsWith("connectors.acme.region"));
        assertThatThrownBy(() -> SettingsValidator.validate("acme", SCHEMA, raw))
                .hasMessageContaining(problems.get(0)).hasMessageContaining(problems.get(1))
                .hasMessageContaining(problems.get(2)).hasMessageContaining(problems.get(3));
    }

    @Test
    void aConnectorWithoutSettingsRefusesAnyAndTakesNone() {
        assertThat(SettingsValidator.validate("plain", List.of(), null).asMap()).isEmpty();
        assertThat(SettingsValidator.problems("plain", List.of(), Map.of("api_base", "x")))
                .containsExactly("connectors.plain.api_base is not a setting of connector 'plain' (it takes no settings)");
    }
}
