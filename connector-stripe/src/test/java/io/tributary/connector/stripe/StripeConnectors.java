package io.tributary.connector.stripe;

import io.tributary.connector.host.ConnectorInstaller;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.stripe.fake.FakeStripe;
import java.util.HashMap;
import java.util.Map;

/**
 * Stripe connectors installed as the host installs them (the settings validated against the
 * factory's schema, then the connector created), pointed at a fake or stubbed Stripe, retrying
 * after a millisecond or so. Close each when done.
 */
final class StripeConnectors {

    /** Rates no test load reaches, for tests that measure something other than the limiter. */
    static final Map<String, String> FAST = Map.of("rate_limit_test_per_second", "1000", "rate_limit_endpoint_per_second", "1000");

    private StripeConnectors() {
    }

    /** An installed connector for try-with-resources, which closes it. */
    record Closing(InstalledConnector installed) implements AutoCloseable {
        @Override
        public void close() {
            installed.connector().close();
        }
    }

    static Closing closing(FakeStripe fake, Map<String, String> settings) {
        return new Closing(pointedAt(fake, settings));
    }

    static InstalledConnector pointedAt(FakeStripe fake) {
        return pointedAt(fake.baseUrl(), Map.of());
    }

    static InstalledConnector pointedAt(FakeStripe fake, Map<String, String> settings) {
        return pointedAt(fake.baseUrl(), settings);
    }

    /**
     * A connector sending its requests to {@code apiBase}.
     *
     * @param settings settings as an operator writes them (text), over the fast retries
     */
    static InstalledConnector pointedAt(String apiBase, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of("api_base", apiBase, "retry_base_delay_ms", "1", "retry_max_delay_ms", "10"));
        all.putAll(settings);
        return ConnectorInstaller.install(new StripeConnectorFactory(), "test", all);
    }
}
