package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A backfill of an account with about 50,000 objects over several streams, read in slices of a
 * second and stopped midway by a server restart: the restarted server resumes from the
 * committed windows, and the mirror then matches the fake account exactly, nothing lost, nothing
 * read twice into duplicates.
 */
class LargeBackfillTest {

    /** Stream name, and the fake's object name for it. */
    private static final int SLICE_SECONDS = 1;
    private static final Duration PAGE_LATENCY = Duration.ofMillis(100);

    private static final Map<String, String> STREAMS = Map.of("customers", "customer", "subscriptions", "subscription",
            "charges", "charge", "payment_intents", "payment_intent", "invoices", "invoice");

    @Test
    void aFiftyThousandObjectBackfillStoppedByARestartResumesAndMatchesTheAccountExactly() throws Exception {
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        FakeStripeAccount account = FakeStripeAccount.generate(50, AccountSize.of(10_000, 9_000, 13_500), now.minus(Duration.ofDays(900)), now);
        int total = STREAMS.values().stream().mapToInt(account::count).sum();
        assertThat(total).as("objects in the selected streams").isGreaterThanOrEqualTo(50_000);
        Path data = TestServer.newDataDirectory();
        Map<String, String> settings = Map.of("connectors.stripe.rate_limit_test_per_second", "2000",
                "connectors.stripe.rate_limit_endpoint_per_second", "2000", "mirror.readers", "8", "mirror.windows", "8",
                "mirror.sliceSeconds", String.valueOf(SLICE_SECONDS), "scheduler.threads", "1");
        try (FakeStripe stripe = FakeStripe.start(account)) {
            String key = stripe.addKey(KeyAccess.allReads());
            // Pages take at least this long on any machine, so a fast one reads in several slices too: a
            // slice reads at most about 7,000 objects (8 readers, 100 ms a page of 100), so a fifth of the
            // account takes two, and the restarted server has more than four slices' worth left.
            stripe.latency(PAGE_LATENCY);
            String token;
            String sourceId;
            long readBeforeStop;
            // The servers' clocks are set before they start, never moved back under a running sync; the
            // backfill starts after the account's last object was created.
            try (TestServer before = at(new TestServer(stripe, false, settings, data), now.plusSeconds(1)).start()) {
                Api api = before.api();
                token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Large", "plan", "builder"))
                        .body().get("apiToken").asText();
                Api.Reply created = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "credentials", Map.of("apiKey", key),
                        "datasets", STREAMS.keySet().stream().sorted().map(stream -> Map.of("stream", stream)).toList()));
                assertThat(created.status()).as(created.raw()).isEqualTo(201);
                sourceId = created.body().get("id").asText();

                assertThat(Eventually.within(Duration.ofSeconds(30), () -> mirrored(before.database(), sourceId) > 0))
                        .as("the backfill started").isTrue();
                // One scheduler thread, and the backfill on it: another source's refresh still gets its turn
                // between the backfill's slices instead of waiting for the whole backfill.
                String other = api.post("/api/v1/data-sources", token, Map.of("type", "stripe",
                        "credentials", Map.of("apiKey", stripe.addKey(KeyAccess.allReads())))).body().get("id").asText();
                assertThat(Eventually.within(Duration.ofSeconds(15), () -> !api.get("/api/v1/data-sources/" + other, token).body()
                        .get("lastRefreshAt").isNull())).as("the other source refreshed").isTrue();
                JsonNode progress = backfilling(api, token, sourceId).get("progress");
                assertThat(progress.get("objectsRead").asLong()).isPositive();
                assertThat(progress.get("estimatedRemaining").isNull()).isFalse();

                assertThat(Eventually.within(Duration.ofSeconds(60), () -> mirrored(before.database(), sourceId) > total / 5))
                        .as("a fifth of the backfill committed").isTrue();
                // Stopping the server now interrupts the backfill after the pages in flight.
            }
            long requestsBeforeRestart = listRequests(stripe, key);
            try (TestServer after = at(new TestServer(stripe, false, settings, data), now.plusSeconds(1)).start()) {
                readBeforeStop = mirrored(after.database(), sourceId);
                assertThat(readBeforeStop).as("stopped midway").isLessThan(total);
                Api api = after.api();
                assertThat(Eventually.within(Duration.ofSeconds(120), () -> allSynced(api, token, sourceId))).as("the backfill finished").isTrue();

                for (Map.Entry<String, String> stream : STREAMS.entrySet()) {
                    Set<String> expected = account.objects(stream.getValue()).stream().map(object -> object.get("id").asText())
                            .collect(Collectors.toSet());
                    Set<String> mirrored = ids(after.database(), sourceId, stream.getKey());
                    Set<String> missing = new HashSet<>(expected);
                    missing.removeAll(mirrored);
                    Set<String> extra = new HashSet<>(mirrored);
                    extra.removeAll(expected);
                    assertThat(missing).as("%s missing from the mirror (created: %s)", stream.getKey(), missing.stream().limit(5)
                            .map(id -> account.object(stream.getValue(), id).map(object -> object.get("created").asText()).orElse("?"))
                            .toList()).isEmpty();
                    assertThat(extra).as("%s in the mirror but not the account", stream.getKey()).isEmpty();
                }
                assertThat(mirrored(after.database(), sourceId)).as("one row per object").isEqualTo(total);
                int syncs = after.database().withHandle(handle -> handle.createQuery("SELECT count(*) FROM audit_event "
                                + "WHERE action = 'credential.decrypt' AND target = :t AND actor = 'system:scheduledRunner'")
                        .bind("t", "data_source:" + sourceId).mapTo(Integer.class).one());
                assertThat(syncs).as("syncs of %s-second slices, each one audited decryption, across both servers", SLICE_SECONDS)
                        .isGreaterThan(4);
                long pagesAfterRestart = listRequests(stripe, key) - requestsBeforeRestart;
                assertThat(pagesAfterRestart).as("the restarted server read only what was left (pages of 100)")
                        .isLessThan((total - readBeforeStop) / 100 + 200);
            }
        }
    }

    private static TestServer at(TestServer server, Instant now) {
        server.clock().set(now);
        return server;
    }

    /** The source's own list requests: the other source shares the fake. */
    private static long listRequests(FakeStripe stripe, String key) {
        return STREAMS.keySet().stream().mapToLong(stream -> stripe.requestCountForKey(key, "/v1/" + stream)).sum();
    }

    private static JsonNode backfilling(Api api, String token, String sourceId) {
        for (JsonNode dataset : api.get("/api/v1/data-sources/" + sourceId + "/datasets", token).body().get("datasets")) {
            if (dataset.get("state").asText().equals("backfilling") && !dataset.get("progress").isNull()
                    && dataset.get("progress").get("objectsRead").asLong() > 0) {
                return dataset;
            }
        }
        throw new AssertionError("No dataset is backfilling with progress");
    }

    private static boolean allSynced(Api api, String token, String sourceId) {
        List<JsonNode> datasets = new java.util.ArrayList<>();
        api.get("/api/v1/data-sources/" + sourceId + "/datasets", token).body().get("datasets").forEach(datasets::add);
        return datasets.size() == STREAMS.size() && datasets.stream().allMatch(dataset -> dataset.get("state").asText().equals("synced"));
    }

    private static long mirrored(Jdbi database, String sourceId) {
        return database.withHandle(handle -> handle.createQuery("SELECT count(*) FROM dataset_record WHERE data_source_id = :s")
                .bind("s", sourceId).mapTo(Long.class).one());
    }

    private static Set<String> ids(Jdbi database, String sourceId, String stream) {
        return new HashSet<>(database.withHandle(handle -> handle.createQuery(
                        "SELECT object_id FROM dataset_record WHERE data_source_id = :s AND stream = :t AND NOT deleted")
                .bind("s", sourceId).bind("t", stream).mapTo(String.class).list()));
    }
}
