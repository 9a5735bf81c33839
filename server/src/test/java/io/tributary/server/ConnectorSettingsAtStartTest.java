package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.host.ConnectorLoadException;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Connector settings are checked against each connector's schema when the server starts, before
 * anything else happens: a typo or a bad value stops it with the key named, instead of failing the
 * first request that reads the setting.
 */
class ConnectorSettingsAtStartTest {

    @Test
    void anUnknownKeyAndAWrongTypeStopStartUpNamingEachBeforeTheDatabaseIsTouched() {
        try (TestServer server = new TestServer(FakeStripeAccount.generate(1, AccountSize.small()), Map.of(
                "connectors.stripe.rate_limit_live_per_second", "fast",
                "connectors.stripe.api_bse", "http://127.0.0.1:9"))) {
            assertThatThrownBy(server::start).rootCause().isInstanceOf(ConnectorLoadException.class)
                    .hasMessageContaining("connectors.stripe.rate_limit_live_per_second must be a number")
                    .hasMessageContaining("connectors.stripe.api_bse is not a setting of connector 'stripe'");
            assertThat(server.dataDirectory().resolve("postgres")).as("no database was started").doesNotExist();
        }
    }

    @Test
    void aValueOutOfRangeStopsStartUp() {
        try (TestServer server = new TestServer(FakeStripeAccount.generate(1, AccountSize.small()), Map.of(
                "connectors.stripe.retry_max_attempts", "500"))) {
            assertThatThrownBy(server::start).rootCause().isInstanceOf(ConnectorLoadException.class)
                    .hasMessageContaining("connectors.stripe.retry_max_attempts must be at most");
        }
    }

    @Test
    void settingsForAConnectorNotInstalledStopStartUp() {
        try (TestServer server = new TestServer(FakeStripeAccount.generate(1, AccountSize.small()), Map.of(
                "connectors.strpe.api_base", "http://127.0.0.1:9"))) {
            assertThatThrownBy(server::start).rootCause().isInstanceOf(ConnectorLoadException.class)
                    .hasMessageContaining("connectors.strpe is configured, but no connector 'strpe' is installed");
        }
    }
}
