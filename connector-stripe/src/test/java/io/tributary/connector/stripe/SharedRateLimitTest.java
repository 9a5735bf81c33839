package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.connector.stripe.fake.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many bindings of one key refreshing at once share the key's rate limiter: against a fake that
 * enforces Stripe's test-mode limit, the default limits never draw a 429, and with the limiter
 * opened wide the same load does.
 */
class SharedRateLimitTest {

    private static final int THREADS = 6;
    private static final int QUERIES_PER_THREAD = 6;
    /** With the currency given, a balance query is exactly one request. */
    private static final ObjectNode BALANCE_IN_USD = JsonNodeFactory.instance.objectNode().put("currency", "usd");

    private static List<RecordedRequest> loadWith(Map<String, String> settings) throws Exception {
        try (FakeStripe fake = FakeStripe.start(FakeStripeAccount.create());
             StripeConnectors.Closing closing = StripeConnectors.closing(fake, settings)) {
            InstalledConnector connector = closing.installed();
            // One request first, before the fake limits anything and with a key of its own (so a limiter of its own): a cold
            // fake and client delay the first burst, so the fake saw it bunched with the next requests. The load measures the
            // limiter, not warm-up.
            connector.connector().runQuery(FakeStripeContexts.context(fake, fake.addKey(KeyAccess.allReads())),
                    ParameterValidator.prepare(connector, "stripe.balance", BALANCE_IN_USD));
            fake.rateLimit(25, 25); // Stripe: about 25 requests a second in test mode, 25 per endpoint
            String key = fake.addKey(KeyAccess.allReads());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int thread = 0; thread < THREADS; thread++) {
                    runs.add(pool.submit(() -> {
                        for (int i = 0; i < QUERIES_PER_THREAD; i++) {
                            // A context per binding, as the server builds them: one key, one limiter.
                            ConnectorContext context = FakeStripeContexts.context(fake, key);
                            connector.connector().runQuery(context, ParameterValidator.prepare(connector, "stripe.balance", BALANCE_IN_USD));
                        }
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
            } finally {
                pool.shutdownNow();
            }
            return fake.requests().stream().filter(request -> key.equals(request.apiKey())).toList();
        }
    }

    @Test
    void theDefaultLimitsKeepConcurrentBindingsUnderStripesLimit() throws Exception {
        List<RecordedRequest> requests = loadWith(Map.of());

        assertThat(requests).hasSize(THREADS * QUERIES_PER_THREAD);
        assertThat(requests).noneSatisfy(request -> assertThat(request.status()).isEqualTo(429));
    }

    @Test
    void withoutTheLimiterTheSameLoadIsRefusedAndOnlyRetriesSaveIt() throws Exception {
        List<RecordedRequest> requests = loadWith(Map.of("rate_limit_test_per_second", "10000", "rate_limit_endpoint_per_second", "10000",
                "retry_base_delay_ms", "200", "retry_max_delay_ms", "1000", "retry_max_attempts", "20"));

        assertThat(requests.stream().filter(request -> request.status() == 429)).isNotEmpty();
        assertThat(requests.stream().filter(request -> request.status() == 200)).hasSize(THREADS * QUERIES_PER_THREAD);
    }
}
