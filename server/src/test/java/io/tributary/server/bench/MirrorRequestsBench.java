package io.tributary.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.server.Api;
import io.tributary.server.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Counts the Stripe requests of one MRR answer for an account with 10,000 subscriptions, answered
 * live and from the mirror (including the mirror's catch-up: the change feed and the objects
 * created since the last sync), end to end through the server's API. Counts, not times: the
 * figure is the same on any machine. Run with {@code bench/run-mirror-requests.sh}.
 */
public final class MirrorRequestsBench {

    private MirrorRequestsBench() {
    }

    public static void main(String[] args) throws Exception {
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        FakeStripeAccount account = FakeStripeAccount.generate(2026, AccountSize.of(2_000, 10_000, 0), now.minus(Duration.ofDays(730)), now);
        TestServer server = new TestServer(account, Map.of("connectors.stripe.rate_limit_test_per_second", "1000",
                "connectors.stripe.rate_limit_endpoint_per_second", "1000"));
        server.clock().set(now.plusSeconds(1));
        server.start();
        try {
            Api api = server.api();
            String token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Bench", "plan", "builder"))
                    .body().get("apiToken").asText();
            String mirroredKey = server.stripe().addKey(KeyAccess.allReads());
            String liveKey = server.stripe().addKey(KeyAccess.allReads());
            String mirrored = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "credentials", Map.of("apiKey", mirroredKey),
                    "datasets", List.of(Map.of("stream", "subscriptions"), Map.of("stream", "coupons")))).body().get("id").asText();
            String live = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "credentials", Map.of("apiKey", liveKey)))
                    .body().get("id").asText();
            long backfillStarted = System.nanoTime();
            while (!synced(api, token, mirrored)) {
                Thread.sleep(200);
            }
            long backfillRequests = requests(server, mirroredKey);
            System.out.printf("backfill of subscriptions and coupons: %d requests, %.1f s%n", backfillRequests,
                    (System.nanoTime() - backfillStarted) / 1e9);
            mrr(api, token, mirrored); // the first answer also reads the account's profile, cached after
            mrr(api, token, live);
            for (int run = 1; run <= 3; run++) {
                // A minute passes between answers, so the catch-up has new objects to look for.
                server.clock().advance(Duration.ofMinutes(1));
                account.advanceClock(Duration.ofMinutes(1));
                long mirrorBefore = requests(server, mirroredKey);
                JsonNode fromMirror = mrr(api, token, mirrored);
                long mirrorRequests = requests(server, mirroredKey) - mirrorBefore;
                long liveBefore = requests(server, liveKey);
                JsonNode fromLive = mrr(api, token, live);
                long liveRequests = requests(server, liveKey) - liveBefore;
                System.out.printf("run %d: mirror %s, %d requests; live %s, %d requests; same data: %s%n", run,
                        fromMirror.get("source").asText(), mirrorRequests, fromLive.get("source").asText(), liveRequests,
                        fromMirror.get("data").equals(fromLive.get("data")));
            }
        } finally {
            server.close();
        }
    }

    private static JsonNode mrr(Api api, String token, String sourceId) {
        return api.post("/api/v1/query", token, Map.of("dataSourceId", sourceId, "type", "stripe.mrr", "params", Map.of())).body();
    }

    private static boolean synced(Api api, String token, String sourceId) {
        JsonNode datasets = api.get("/api/v1/data-sources/" + sourceId + "/datasets", token).body().get("datasets");
        for (JsonNode dataset : datasets) {
            if (!dataset.get("state").asText().equals("synced")) {
                return false;
            }
        }
        return datasets.size() == 2;
    }

    private static long requests(TestServer server, String key) {
        return server.stripe().requests().stream().filter(request -> key.equals(request.apiKey())).count();
    }
}
