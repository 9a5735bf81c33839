package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.connector.stripe.fake.SubscriptionSpec;
import io.tributary.connector.stripe.fake.SubscriptionSpec.Item;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two server nodes on one external PostgreSQL (the production set-up): they share the refresh
 * work through Quartz's clustered job store and never refresh a source twice in one cadence window;
 * a restart keeps everything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterTest {

    private EmbeddedPostgres postgres;
    private FakeStripe stripe;
    private TestServer first;
    private TestServer second;
    private Jdbi database;

    @BeforeAll
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        FakeStripeAccount account = FakeStripeAccount.create();
        String price = account.price(account.product("Pro"), 1000, "usd", "month", 1, "licensed");
        account.subscription(SubscriptionSpec.of(account.customer("ann@example.com"), "active", Item.price(price, 1)));
        stripe = FakeStripe.start(account);
        Map<String, String> external = Map.of("database.url", postgres.getJdbcUrl("postgres", "postgres"), "database.user", "postgres",
                "database.allowEmbedded", "false");
        first = new TestServer(stripe, false, external, TestServer.newDataDirectory()).start();
        second = new TestServer(stripe, false, external, TestServer.newDataDirectory()).start();
        database = Jdbi.create(postgres.getPostgresDatabase());
    }

    @AfterAll
    void stop() throws Exception {
        try {
            second.close();
            first.close();
        } finally {
            stripe.close();
            postgres.close();
        }
    }

    private int scheduledDecryptions(String sourceId) {
        return database.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM audit_event WHERE action = 'credential.decrypt' AND target = :t AND actor = 'system:scheduledRunner'")
                .bind("t", "data_source:" + sourceId).mapTo(Integer.class).one());
    }

    private static org.quartz.Scheduler quartz(TestServer node) {
        return node.scheduler().quartz();
    }

    /**
     * Waits until the cluster has no refresh running or waiting and a due check found nothing
     * more to do: the job store is shared, so whichever node runs that check can tell.
     */
    private void awaitClusterIdle() {
        Await.event(CompletableFuture.anyOf(first.scheduler().activity().idle(), second.scheduler().activity().idle()),
                Duration.ofSeconds(60), "the cluster going idle");
    }

    @Test
    void aNodeThatDiesMidRefreshHasItsWorkPickedUpByAnotherWithin30Seconds() throws Exception {
        TestServer doomed = new TestServer(stripe, false, Map.of("database.url", postgres.getJdbcUrl("postgres", "postgres"),
                "database.user", "postgres", "database.allowEmbedded", "false"), TestServer.newDataDirectory()).start();
        try {
            // Only the doomed node takes work for now.
            quartz(first).standby();
            quartz(second).standby();
            Api api = doomed.api();
            String token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Doomed", "plan", "builder"))
                    .body().get("apiToken").asText();
            String sourceId = api.post("/api/v1/data-sources", token, Map.of("type", "stripe",
                    "credentials", Map.of("apiKey", stripe.addKey(KeyAccess.allReads())), "cadenceMinutes", 5)).body().get("id").asText();
            api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId, "queryConfig", Map.of("type", "stripe.mrr"),
                    "projection", Map.of("fields", Map.of("value", Map.of("source", "amount_cents"))))));
            assertThat(Eventually.within(Duration.ofSeconds(15), () -> scheduledDecryptions(sourceId) == 1)).as("the first refresh").isTrue();
            // The first refresh must be over (and its trigger gone) before Stripe turns slow.
            doomed.awaitIdle();

            // The next refresh hangs on a slow Stripe... and the node dies in the middle of it.
            stripe.latency(Duration.ofSeconds(20));
            doomed.clock().advance(Duration.ofMinutes(6));
            assertThat(Eventually.within(Duration.ofSeconds(10), () -> scheduledDecryptions(sourceId) == 2)).as("the refresh started").isTrue();
            quartz(doomed).shutdown(false); // stops checking in, like a node that died; its job never completes
            long died = System.nanoTime();
            stripe.latency(Duration.ZERO);
            first.clock().advance(Duration.ofMinutes(6));
            second.clock().advance(Duration.ofMinutes(6));
            quartz(first).start();
            quartz(second).start();

            assertThat(Eventually.within(Duration.ofSeconds(30), () -> scheduledDecryptions(sourceId) >= 3))
                    .as("another node recovered the refresh").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - died)).isLessThan(Duration.ofSeconds(30));
        } finally {
            stripe.latency(Duration.ZERO);
            quartz(first).start();
            quartz(second).start();
            doomed.close();
        }
    }

    @Test
    void twoNodesShareTheWorkAndNeverRefreshASourceTwiceInOneCadenceWindow() throws Exception {
        Api api = first.api();
        String token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Cluster", "plan", "builder"))
                .body().get("apiToken").asText();
        // Data written through one node is served by the other.
        String sourceId = second.api().post("/api/v1/data-sources", token, Map.of("type", "stripe",
                "credentials", Map.of("apiKey", stripe.addKey(KeyAccess.allReads())), "cadenceMinutes", 5)).body().get("id").asText();
        api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId, "queryConfig", Map.of("type", "stripe.mrr"),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "amount_cents"))))));

        assertThat(Eventually.within(Duration.ofSeconds(15), () -> scheduledDecryptions(sourceId) == 1)).as("the first full refresh").isTrue();
        awaitClusterIdle();
        assertThat(scheduledDecryptions(sourceId)).as("both nodes check every second; one refresh").isEqualTo(1);

        first.clock().advance(Duration.ofMinutes(6));
        second.clock().advance(Duration.ofMinutes(6));
        assertThat(Eventually.within(Duration.ofSeconds(15), () -> scheduledDecryptions(sourceId) == 2)).as("the cadence's refresh").isTrue();
        awaitClusterIdle();
        assertThat(scheduledDecryptions(sourceId)).as("one refresh per cadence window across the cluster").isEqualTo(2);
        int nodes = database.withHandle(handle -> handle.createQuery("SELECT count(*) FROM qrtz_scheduler_state").mapTo(Integer.class).one());
        assertThat(nodes).as("both nodes checked in to the cluster").isEqualTo(2);
    }
}
