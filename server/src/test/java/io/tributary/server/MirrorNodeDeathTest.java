package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.quartz.JobExecutionContext;
import org.quartz.listeners.JobListenerSupport;
import org.junit.jupiter.api.Test;

/**
 * A node dies in the middle of a backfill (it stops checking in with the cluster); another node
 * recovers the sync and finishes the backfill from the committed windows, and the mirror matches
 * the account exactly.
 */
class MirrorNodeDeathTest {

    @Test
    void anotherNodeFinishesTheBackfillOfANodeThatDied() throws Exception {
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        FakeStripeAccount account = FakeStripeAccount.generate(77, AccountSize.of(2_500, 10, 10), now.minus(Duration.ofDays(500)), now);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start(); FakeStripe stripe = FakeStripe.start(account)) {
            Map<String, String> settings = Map.of("database.url", postgres.getJdbcUrl("postgres", "postgres"), "database.user", "postgres",
                    "database.allowEmbedded", "false", "mirror.readers", "1", "mirror.windows", "1", "mirror.pageSize", "20",
                    "mirror.sliceSeconds", "2");
            TestServer doomed = at(new TestServer(stripe, false, settings, TestServer.newDataDirectory()), now.plusSeconds(1)).start();
            TestServer survivor = at(new TestServer(stripe, false, settings, TestServer.newDataDirectory()), now.plusSeconds(1)).start();
            try {
                quartz(survivor).standby(); // only the doomed node takes work for now
                stripe.latency(Duration.ofMillis(60));
                Api api = doomed.api();
                String token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Doomed", "plan", "builder"))
                        .body().get("apiToken").asText();
                String sourceId = api.post("/api/v1/data-sources", token, Map.of("type", "stripe",
                        "credentials", Map.of("apiKey", stripe.addKey(KeyAccess.allReads())),
                        "datasets", List.of(Map.of("stream", "customers"))))
                        .body().get("id").asText();
                Jdbi database = Jdbi.create(postgres.getPostgresDatabase());
                assertThat(Eventually.within(Duration.ofSeconds(30), () -> mirrored(database, sourceId) >= 400))
                        .as("the doomed node's backfill committed pages").isTrue();

                quartz(doomed).shutdown(false); // stops checking in, like a node that died
                // Its sync goes on to the end of its slice (2 s), joining its readers, and cannot
                // queue the next slice: wait for that slice to end rather than for a guess at how long it takes.
                Await.event(doomed.scheduler().activity().noneRunning(), Duration.ofSeconds(30), "the dead node's last slice ending");
                long diedWith = mirrored(database, sourceId);
                assertThat(diedWith).isLessThan(account.count("customer"));
                // What the mirror holds when the survivor's first sync of the source starts, before it reads
                // anything: between the dead node's last slice and then, nobody may have read.
                CompletableFuture<Long> whenTakenOver = new CompletableFuture<>();
                quartz(survivor).getListenerManager().addJobListener(new FirstSyncStart(sourceId,
                        () -> whenTakenOver.complete(mirrored(database, sourceId))));
                quartz(survivor).start();

                Api survivorApi = survivor.api();
                assertThat(Eventually.within(Duration.ofSeconds(60), () -> synced(survivorApi, token, sourceId)))
                        .as("the survivor finished the backfill").isTrue();
                assertThat(whenTakenOver).as("nothing read between the dead node's last slice and the survivor's first sync")
                        .isCompletedWithValue(diedWith);
                Set<String> expected = account.objects("customer").stream().map(customer -> customer.get("id").asText())
                        .collect(Collectors.toSet());
                assertThat(ids(database, sourceId)).isEqualTo(expected);
                assertThat(mirrored(database, sourceId)).as("one row per customer").isEqualTo(expected.size());
            } finally {
                stripe.latency(Duration.ZERO);
                survivor.close();
                doomed.close();
            }
        }
    }

    private static TestServer at(TestServer server, Instant now) {
        server.clock().set(now);
        return server;
    }

    private static org.quartz.Scheduler quartz(TestServer node) {
        return node.scheduler().quartz();
    }

    /** Runs an action, on the scheduler's thread, as the first dataset sync of a source is about to start. */
    private static final class FirstSyncStart extends JobListenerSupport {
        private final String sourceId;
        private final Runnable action;
        private boolean started;

        FirstSyncStart(String sourceId, Runnable action) {
            this.sourceId = sourceId;
            this.action = action;
        }

        @Override
        public String getName() {
            return "first-sync-start";
        }

        @Override
        public synchronized void jobToBeExecuted(JobExecutionContext context) {
            if (!started && context.getJobDetail().getKey().getName().equals(sourceId)
                    && context.getJobDetail().getKey().getGroup().equals("datasets")) {
                started = true;
                action.run();
            }
        }
    }

    private static boolean synced(Api api, String token, String sourceId) {
        JsonNode datasets = api.get("/api/v1/data-sources/" + sourceId + "/datasets", token).body().get("datasets");
        return datasets.size() == 1 && datasets.get(0).get("state").asText().equals("synced");
    }

    private static long mirrored(Jdbi database, String sourceId) {
        return database.withHandle(handle -> handle.createQuery("SELECT count(*) FROM dataset_record WHERE data_source_id = :s")
                .bind("s", sourceId).mapTo(Long.class).one());
    }

    private static Set<String> ids(Jdbi database, String sourceId) {
        return new HashSet<>(database.withHandle(handle -> handle.createQuery(
                        "SELECT object_id FROM dataset_record WHERE data_source_id = :s AND NOT deleted")
                .bind("s", sourceId).mapTo(String.class).list()));
    }
}
