package io.tributary.connector.stripe.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tributary.connector.host.ConnectorInstaller;
import io.tributary.connector.host.Contexts;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.stripe.StripeConnectorFactory;
import io.tributary.connector.stripe.fake.AccountSettings;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the request rate one key's limiter lets through when many bindings query at once,
 * against the fake Stripe with no limit of its own: one endpoint, then several. Run it with
 * {@code bench/run-rate-limiter.sh}; figures go to BENCHMARKS.md.
 */
public final class RateLimiterBench {

    private static final int THREADS = 16;
    private static final int REQUESTS = 400;

    private RateLimiterBench() {
    }

    public static void main(String[] args) throws Exception {
        for (boolean live : List.of(false, true)) {
            for (int endpoints : List.of(1, 5)) {
                System.out.printf(Locale.ROOT, "%-4s key, %d endpoint(s): %.1f requests/s%n", live ? "live" : "test", endpoints,
                        measure(live, endpoints));
            }
        }
    }

    private static double measure(boolean live, int endpoints) throws Exception {
        AccountSettings settings = AccountSettings.defaults().withLivemode(live);
        try (FakeStripe fake = FakeStripe.start(FakeStripeAccount.create(settings))) {
            String key = fake.addKey(KeyAccess.allReads());
            InstalledConnector installed = ConnectorInstaller.install(new StripeConnectorFactory(), "bench", Map.of("api_base", fake.baseUrl()));
            Connector connector = installed.connector();
            List<QueryRequest> requests = List.of(
                    ParameterValidator.prepare(installed, "stripe.balance", JsonNodeFactory.instance.objectNode().put("currency", "usd")),
                    ParameterValidator.prepare(installed, "stripe.recent_charges", null),
                    ParameterValidator.prepare(installed, "stripe.list", JsonNodeFactory.instance.objectNode().put("object", "customers")),
                    ParameterValidator.prepare(installed, "stripe.list", JsonNodeFactory.instance.objectNode().put("object", "products")),
                    ParameterValidator.prepare(installed, "stripe.list", JsonNodeFactory.instance.objectNode().put("object", "prices")));
            ConnectorContext context = Contexts.of(Map.of("api_key", key));
            // Warm up the JVM and the connection pool, then start from an idle limiter.
            for (int i = 0; i < 20; i++) {
                connector.runQuery(context, requests.get(i % endpoints));
            }
            Thread.sleep(1_000);
            fake.resetRequests();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long start = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                QueryRequest request = requests.get(i % endpoints);
                runs.add(pool.submit(() -> connector.runQuery(context, request)));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            connector.close();
            return fake.requestCount() / seconds;
        }
    }
}
