package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.host.ConnectorInstaller;
import io.tributary.connector.host.ConnectorLoadException;
import io.tributary.connector.host.ConnectorRegistry;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.SettingsValidator;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.SpiVersion;
import io.tributary.connector.spi.StreamDescriptor;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The factory the host finds, and the settings it declares: the keys, defaults and ranges of before. */
class StripeConnectorFactoryTest {

    private final StripeConnectorFactory factory = new StripeConnectorFactory();

    @Test
    void theHostFindsTheFactoryAndInstallsTheConnectorWithItsFacets() {
        try (ConnectorRegistry registry = ConnectorRegistry.load(getClass().getClassLoader(), Map.of())) {
            InstalledConnector stripe = registry.find("stripe").orElseThrow();

            assertThat(stripe.connector()).isInstanceOf(StripeConnector.class);
            assertThat(stripe.spiVersion()).isEqualTo(SpiVersion.CURRENT);
            assertThat(stripe.descriptor().minorUnits()).isEqualTo(StripeMinorUnits.UNITS);
            assertThat(stripe.signingSecretField()).hasValue(StripeWebhooks.SIGNING_SECRET);
            assertThat(stripe.changeFeed()).isPresent();
            assertThat(stripe.mirrorQueries()).isPresent();
            assertThat(stripe.streamDescriptors()).extracting(StreamDescriptor::name).contains("customers", "subscriptions",
                    "invoice_line_items", "events");
        }
    }

    @Test
    void theDefaultsAreThoseOfBefore() {
        StripeSettings settings = StripeSettings.from(ConnectorSettings.defaults(factory.settings()));

        assertThat(settings).isEqualTo(new StripeSettings("https://api.stripe.com", 80, 20, 20, RetryPolicy.DEFAULT, Duration.ofSeconds(300)));
    }

    @Test
    void configuredTextIsReadAsTheSchemasTypes() {
        ConnectorSettings configured = SettingsValidator.validate("stripe", factory.settings(), Map.of("api_base", "http://127.0.0.1:12111///",
                "rate_limit_live_per_second", "12.5", "rate_limit_test_per_second", 3, "rate_limit_endpoint_per_second", "0.1",
                "retry_max_attempts", "2.9", "retry_base_delay_ms", "0", "retry_max_delay_ms", "300000",
                "webhook_tolerance_seconds", "86400"));

        StripeSettings settings = StripeSettings.from(configured);

        assertThat(settings).isEqualTo(new StripeSettings("http://127.0.0.1:12111", 12.5, 3, 0.1,
                new RetryPolicy(2, Duration.ZERO, Duration.ofMinutes(5)), Duration.ofDays(1)));
        assertThat(settings.retryPolicy().maxAttempts()).as("a fractional count is cut, as before").isEqualTo(2);
    }

    @Test
    void everyKeyKeepsItsRange() {
        Map<String, Object> outOfRange = Map.of(
                "api_base", "ftp://example.com",
                "rate_limit_live_per_second", "0.09",
                "rate_limit_test_per_second", "10001",
                "rate_limit_endpoint_per_second", "0",
                "retry_max_attempts", "21",
                "retry_base_delay_ms", "60001",
                "retry_max_delay_ms", "-1",
                "webhook_tolerance_seconds", "0");
        for (Map.Entry<String, Object> setting : outOfRange.entrySet()) {
            assertThatThrownBy(() -> ConnectorInstaller.install(factory, "test", Map.of(setting.getKey(), setting.getValue())))
                    .as(setting.getKey())
                    .isInstanceOf(ConnectorLoadException.class)
                    .hasMessageContaining("connectors.stripe." + setting.getKey());
        }
        assertThatThrownBy(() -> ConnectorInstaller.install(factory, "test", Map.of("rate_limit_per_second", "5")))
                .isInstanceOf(ConnectorLoadException.class).hasMessageContaining("connectors.stripe.rate_limit_per_second");
    }

    @Test
    void theSchemaNamesTheKeysOfBefore() {
        assertThat(factory.settings()).extracting(ParameterSpec::name).containsExactly("api_base", "rate_limit_live_per_second",
                "rate_limit_test_per_second", "rate_limit_endpoint_per_second", "retry_max_attempts", "retry_base_delay_ms",
                "retry_max_delay_ms", "webhook_tolerance_seconds");
        assertThat(factory.settings()).allSatisfy(spec -> assertThat(spec.required()).as(spec.name()).isFalse());
    }

    @Test
    void aMaximumDelayBelowTheBaseStopsTheConnectorFromBeingCreated() {
        assertThatThrownBy(() -> ConnectorInstaller.install(factory, "test", Map.of("retry_base_delay_ms", "9000")))
                .isInstanceOf(ConnectorLoadException.class)
                .hasMessageContaining("retry_max_delay_ms").hasMessageContaining("retry_base_delay_ms");
    }
}
