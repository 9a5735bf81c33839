package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.server.scheduling.SchedulerActivity;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The scheduler's activity, which tests wait on instead of sleeping: it reports the scheduler idle
 * only once the work set off before the question is over, even work that waits to start, and counts
 * each source's refreshes as they complete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulerActivityTest {

    private static final String SIGNING_SECRET = "whsec_activity0123456789abcd";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TestServer server;
    private Api api;
    private SchedulerActivity activity;

    @BeforeAll
    void start() {
        FakeStripeAccount account = FakeStripeAccount.create();
        account.balance(Map.of("usd", 700L), Map.of());
        server = new TestServer(account).start();
        api = server.api();
        activity = server.scheduler().activity();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** A source with a balance block, made while the scheduler waits, so its first full refresh is still to come. */
    private String sourceWithBlock() throws Exception {
        server.scheduler().quartz().standby();
        String token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Activity", "plan", "builder"))
                .body().get("apiToken").asText();
        String sourceId = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "cadenceMinutes", 5, "credentials",
                Map.of("apiKey", server.stripe().addKey(KeyAccess.allReads()), "webhookSecret", SIGNING_SECRET))).body().get("id").asText();
        Api.Reply block = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", "stripe.balance"),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "available_cents"))))));
        assertThat(block.status()).as(block.raw()).isEqualTo(201);
        return sourceId;
    }

    /** The source's refreshes at the moment the scheduler is reported idle (read on the thread that reports it). */
    private CompletableFuture<Long> refreshesWhenIdle(String sourceId) {
        return activity.idle().thenApply(idle -> activity.refreshes(sourceId));
    }

    @Test
    void idleWaitsForTheRefreshThatFellDueBeforeTheQuestion() throws Exception {
        String sourceId = sourceWithBlock();
        CompletableFuture<Long> whenIdle = refreshesWhenIdle(sourceId);
        assertThat(whenIdle).as("no due check ran since the question").isNotDone();
        server.scheduler().quartz().start();

        Await.event(whenIdle, TIMEOUT, "the scheduler going idle");
        assertThat(whenIdle.join()).as("the new source's full refresh was over when idle was reported").isEqualTo(1);
        assertThat(activity.refreshed(sourceId, 1)).as("a count already reached").isDone();
    }

    @Test
    void idleWaitsForAWebhookRefreshStillInItsDebounce() throws Exception {
        String sourceId = sourceWithBlock();
        server.scheduler().quartz().start();
        server.awaitIdle();
        assertThat(activity.refreshes(sourceId)).isEqualTo(1);

        String event = "{\"id\":\"evt_activity\",\"object\":\"event\",\"type\":\"balance.available\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"data\":{\"object\":{\"object\":\"balance\"}}}";
        HttpResponse<String> delivered = SignedWebhooks.deliver(server, "/webhooks/stripe/" + sourceId, SIGNING_SECRET, event);
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        // Its refresh starts a debounce (1 s) from now: due checks end meanwhile with it still waiting.
        CompletableFuture<Long> whenIdle = refreshesWhenIdle(sourceId);

        Await.event(whenIdle, TIMEOUT, "the scheduler going idle");
        assertThat(whenIdle.join()).as("the webhook's refresh was over when idle was reported").isEqualTo(2);
    }

    @Test
    void aRefreshCountIsAwaitedUntilTheRefreshThatReachesItCompletes() throws Exception {
        String sourceId = sourceWithBlock();
        server.scheduler().quartz().start();
        Await.event(activity.refreshed(sourceId, 1), TIMEOUT, "the first full refresh");
        server.awaitIdle();
        CompletableFuture<Void> second = activity.refreshed(sourceId, 2);
        assertThat(second).as("the server's clock stands still: nothing more is due").isNotDone();

        server.clock().advance(Duration.ofMinutes(6)); // past the cadence
        Await.event(second, TIMEOUT, "the refresh on cadence");
        assertThat(activity.refreshes(sourceId)).isEqualTo(2);
    }

    @Test
    void theHealthCheckTellsWhatTheSchedulerIsDoing() throws Exception {
        sourceWithBlock();
        server.scheduler().quartz().start();
        server.awaitIdle();

        SchedulerActivity.Snapshot now = activity.snapshot();
        assertThat(now.refreshes()).isPositive();
        Api.Reply health = server.admin().get("/healthcheck", null);
        assertThat(health.body().at("/scheduler/message").asText())
                .contains(now.refreshes() + " refresh(es) and " + now.datasetSyncs() + " dataset sync(s) completed on this node");
    }
}
