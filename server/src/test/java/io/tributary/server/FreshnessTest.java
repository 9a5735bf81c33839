package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.connector.stripe.fake.SubscriptionSpec;
import io.tributary.connector.stripe.fake.SubscriptionSpec.Item;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Blocks stay fresh by themselves: on their cadence (Quartz, on the server's clock) and within seconds of a webhook. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreshnessTest {

    private static final String SIGNING_SECRET = "whsec_freshness0123456789abc";
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private TestServer server;
    private Api api;
    private FakeStripeAccount account;
    private String monthly;

    @BeforeAll
    void start() {
        account = FakeStripeAccount.create();
        monthly = account.price(account.product("Pro"), 1000, "usd", "month", 1, "licensed");
        account.subscription(SubscriptionSpec.of(account.customer("ann@example.com"), "active", Item.price(monthly, 1)));
        account.balance(Map.of("usd", 5_000L), Map.of());
        // Webhook debounce 1 s (the default); at most 30 s, not 5, so a burst sent on a loaded machine still fits.
        server = new TestServer(account, Map.of("scheduler.webhookMaxWaitMillis", String.valueOf(MAX_WAIT.toMillis()))).start();
        api = server.api();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private record Setup(String token, String sourceId, String mrrBlock, String balanceBlock, String key) {
    }

    private Setup setup(int cadence, boolean push) {
        // The scheduler waits while the source and its blocks are made, so the source's first full
        // refresh (it is due at once) finds both blocks instead of racing their creation.
        org.quartz.Scheduler quartz = server.scheduler().quartz();
        try {
            quartz.standby();
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
        String token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Fresh", "plan", "builder"))
                .body().get("apiToken").asText();
        String key = server.stripe().addKey(KeyAccess.allReads());
        Map<String, String> credentials = push ? Map.of("apiKey", key, "webhookSecret", SIGNING_SECRET) : Map.of("apiKey", key);
        String sourceId = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "credentials", credentials,
                "cadenceMinutes", cadence)).body().get("id").asText();
        String mrr = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", "stripe.mrr"),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "amount_cents")))))).body().get("id").asText();
        String balance = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", "stripe.balance"),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "available_cents")))))).body().get("id").asText();
        Setup setup = new Setup(token, sourceId, mrr, balance, key);
        try {
            quartz.start();
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
        // A new source was never refreshed in full, so it is due at once: let that refresh finish first.
        server.awaitIdle();
        assertThat(api.get("/api/v1/data-sources/" + sourceId, token).body().get("lastRefreshAt").isNull()).isFalse();
        assertThat(refreshes(sourceId)).as("the first full refresh").isEqualTo(1);
        assertThat(decryptions(sourceId, "system:scheduledRunner")).isEqualTo(1);
        return setup;
    }

    private long value(Setup setup, String block) {
        return api.get("/api/v1/blocks/" + block, setup.token()).body().at("/widget/data/value").asLong();
    }

    @Test
    void aSourceIsRefreshedWhenItsCadenceHasPassedOnTheServersClock() throws Exception {
        Setup setup = setup(5, false);
        assertThat(value(setup, setup.mrrBlock())).isEqualTo(1000);
        String added = account.subscription(SubscriptionSpec.of(account.customer("bob@example.com"), "active", Item.price(monthly, 2)));
        try {
            server.awaitIdle(); // a due check after the change found nothing due
            assertThat(value(setup, setup.mrrBlock())).as("not due yet: nothing refreshed").isEqualTo(1000);
            assertThat(refreshes(setup.sourceId())).isEqualTo(1);

            server.clock().advance(Duration.ofMinutes(6));
            Await.event(server.scheduler().activity().refreshed(setup.sourceId(), 2), Duration.ofSeconds(30), "the refresh on cadence");
            assertThat(value(setup, setup.mrrBlock())).as("refreshed on cadence").isEqualTo(3000);
            server.awaitIdle();
            assertThat(decryptions(setup.sourceId(), "system:scheduledRunner")).as("one refresh per cadence window").isEqualTo(2);
            assertThat(refreshes(setup.sourceId())).isEqualTo(2);
        } finally {
            account.delete("subscription", added);
        }
    }

    @Test
    void aWebhookRefreshesOnlyTheBindingsItMakesStaleWithinTwoSeconds() throws Exception {
        Setup setup = setup(1440, true);
        // Read requests, not lastRefreshAt: the server's clock stands still, so a refresh would not move that.
        long balanceReadsBefore = reads(setup.key(), "/v1/balance");
        String added = account.subscription(SubscriptionSpec.of(account.customer("cy@example.com"), "active", Item.price(monthly, 5)));
        try {
            Instant sent = Instant.now();
            HttpResponse<String> response = deliver(setup.sourceId(), event("evt_1Fresh", "customer.subscription.created"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

            // The debounce (1 s) is the only wait: then one refresh of the MRR binding.
            assertThat(Eventually.within(Duration.ofSeconds(2), () -> value(setup, setup.mrrBlock()) == 6000)).as("fresh within 2 s").isTrue();
            assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(2));
            server.awaitIdle(); // had the balance binding been refreshed too, it would have been by now
            assertThat(reads(setup.key(), "/v1/balance")).as("the balance binding is not stale").isEqualTo(balanceReadsBefore);
            assertThat(refreshes(setup.sourceId())).as("the full refresh, then the webhook's").isEqualTo(2);
        } finally {
            account.delete("subscription", added);
        }
    }

    @Test
    void aBurstOfAHundredEventsMakesOneRefreshAndRepeatsAreIgnored() throws Exception {
        Setup setup = setup(1440, true);
        long readsBefore = subscriptionReads(setup.key());
        long balanceReadsBefore = reads(setup.key(), "/v1/balance");
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String body = event("evt_burst" + i, "customer.subscription.updated");
            deliveries.add(pool.submit(() -> deliver(setup.sourceId(), body)));
        }
        for (Future<HttpResponse<String>> delivery : deliveries) {
            assertThat(delivery.get().statusCode()).isEqualTo(200);
        }
        pool.shutdown();
        Duration sending = Duration.ofNanos(System.nanoTime() - started);
        assertThat(sending).as("the burst must fit in the maximum wait for this test to mean anything").isLessThan(MAX_WAIT);

        HttpResponse<String> repeat = deliver(setup.sourceId(), event("evt_burst7", "customer.subscription.updated"));
        assertThat(repeat.body()).contains("\"duplicates\":1");

        Await.event(server.scheduler().activity().refreshed(setup.sourceId(), 2), Duration.ofSeconds(30), "the burst's refresh");
        server.awaitIdle(); // a second refresh, had the burst made one, would have run by now
        assertThat(refreshes(setup.sourceId())).as("the full refresh, then one for the burst").isEqualTo(2);
        assertThat(subscriptionReads(setup.key()) - readsBefore).as("one MRR refresh: active and past-due pages").isEqualTo(2);
        assertThat(reads(setup.key(), "/v1/balance")).as("the balance binding is not stale").isEqualTo(balanceReadsBefore);
    }

    @Test
    void badDeliveriesAreRefusedWithoutQueueingWork() throws Exception {
        Setup setup = setup(1440, true);
        String body = event("evt_bad", "customer.subscription.updated");
        HttpRequest forged = HttpRequest.newBuilder(webhookUri(setup.sourceId()))
                .header("Stripe-Signature", "t=" + server.clock().instant().getEpochSecond() + ",v1=" + "00".repeat(32))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> refused = HttpClient.newHttpClient().send(forged, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("webhook_signature_invalid");

        int decryptionsBefore = decryptions(setup.sourceId(), "system:stripeWebhook");
        HttpRequest huge = HttpRequest.newBuilder(webhookUri(setup.sourceId()))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1024 * 1024 + 1))).build();
        HttpResponse<String> tooLarge = HttpClient.newHttpClient().send(huge, HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(decryptions(setup.sourceId(), "system:stripeWebhook")).as("no signature work for a body too large").isEqualTo(decryptionsBefore);

        assertThat(SignedWebhooks.deliver(server, "/webhooks/stripe/ds_doesNotExist0000000", SIGNING_SECRET, body).statusCode()).isEqualTo(404);
        int recorded = database().withHandle(handle -> handle.createQuery("SELECT count(*) FROM webhook_event WHERE data_source_id = :id")
                .bind("id", setup.sourceId()).mapTo(Integer.class).one());
        assertThat(recorded).as("no event of a refused delivery is recorded").isZero();
        int queuedByWebhook = database().withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM pending_refresh WHERE data_source_id = :id AND actor = 'system:stripeWebhook'")
                .bind("id", setup.sourceId()).mapTo(Integer.class).one());
        assertThat(queuedByWebhook).isZero();
    }

    private long subscriptionReads(String key) {
        return reads(key, "/v1/subscriptions");
    }

    private long reads(String key, String path) {
        return server.stripe().requests().stream().filter(request -> key.equals(request.apiKey()) && request.path().equals(path)).count();
    }

    private long refreshes(String sourceId) {
        return server.scheduler().activity().refreshes(sourceId);
    }

    private String event(String id, String type) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"created\":" + Instant.now().getEpochSecond()
                + ",\"data\":{\"object\":{\"id\":\"sub_x\",\"object\":\"subscription\"}}}";
    }

    private URI webhookUri(String sourceId) {
        return URI.create("http://127.0.0.1:" + server.app().getLocalPort() + "/webhooks/stripe/" + sourceId);
    }

    private HttpResponse<String> deliver(String sourceId, String body) throws Exception {
        return SignedWebhooks.deliver(server, "/webhooks/stripe/" + sourceId, SIGNING_SECRET, body);
    }

    private int decryptions(String sourceId, String actor) {
        return database().withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM audit_event WHERE action = 'credential.decrypt' AND target = :t AND actor = :a")
                .bind("t", "data_source:" + sourceId).bind("a", actor).mapTo(Integer.class).one());
    }

    private Jdbi database() {
        return server.database();
    }
}
