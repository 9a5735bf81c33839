package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.connector.stripe.fake.SubscriptionSpec;
import io.tributary.connector.stripe.fake.SubscriptionSpec.Item;
import io.tributary.connector.stripe.fake.WebhookPayloads;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Queries answered from the mirror agree with the same queries run live, on the same fake account,
 * before and after a stream of changes pushed by webhooks; and the block says where its value
 * came from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MirrorAnswersTest {

    private static final String SIGNING_SECRET = "whsec_mirroranswers0123456789";
    private static final List<Map<String, Object>> QUERIES = List.of(
            Map.of("type", "stripe.mrr", "params", Map.of()),
            Map.of("type", "stripe.recent_charges", "params", Map.of("limit", 25)),
            Map.of("type", "stripe.revenue", "params", Map.of("days", 90)));

    private TestServer server;
    private Api api;
    private FakeStripeAccount account;
    private String token;
    private String mirrored;
    private String mirroredKey;
    private String live;
    private String liveKey;

    @BeforeAll
    void start() throws Exception {
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        account = FakeStripeAccount.generate(23, AccountSize.of(80, 60, 120), now.minus(Duration.ofDays(300)), now);
        server = new TestServer(account, Map.of());
        server.clock().set(now.plusSeconds(1));
        server.start();
        api = server.api();
        token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Answers", "plan", "builder")).body().get("apiToken").asText();
        mirroredKey = server.stripe().addKey(KeyAccess.allReads());
        liveKey = server.stripe().addKey(KeyAccess.allReads());
        mirrored = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "label", "Mirrored",
                "credentials", Map.of("apiKey", mirroredKey, "webhookSecret", SIGNING_SECRET),
                "datasets", List.of(Map.of("stream", "subscriptions"), Map.of("stream", "coupons"), Map.of("stream", "charges"),
                        Map.of("stream", "customers"), Map.of("stream", "balance_transactions")))).body().get("id").asText();
        live = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "label", "Live",
                "credentials", Map.of("apiKey", liveKey))).body().get("id").asText();
        assertThat(Eventually.within(Duration.ofSeconds(60), this::mirrorSynced)).as("the backfill finished").isTrue();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private boolean mirrorSynced() {
        JsonNode datasets = api.get("/api/v1/data-sources/" + mirrored + "/datasets", token).body().get("datasets");
        for (JsonNode dataset : datasets) {
            if (!dataset.get("state").asText().equals("synced")) {
                return false;
            }
        }
        return datasets.size() == 5;
    }

    private JsonNode query(String sourceId, Map<String, Object> query) {
        Api.Reply reply = api.post("/api/v1/query", token, Map.of("dataSourceId", sourceId, "type", query.get("type"),
                "params", query.get("params")));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    private void assertMirrorAgreesWithLive(String when) {
        for (Map<String, Object> query : QUERIES) {
            JsonNode fromMirror = query(mirrored, query);
            JsonNode fromLive = query(live, query);
            assertThat(fromMirror.get("source").asText()).as("%s %s", query.get("type"), when).isEqualTo("mirror");
            assertThat(fromLive.get("source").asText()).isEqualTo("live");
            assertThat(fromMirror.get("data")).as("%s %s", query.get("type"), when).isEqualTo(fromLive.get("data"));
            assertThat(fromMirror.get("notices")).as("%s %s: notices", query.get("type"), when).isEqualTo(fromLive.get("notices"));
        }
    }

    @Test
    void mirrorAndLiveAgreeBeforeAndAfterAStreamOfWebhookChanges() throws Exception {
        assertMirrorAgreesWithLive("after the backfill");

        List<ObjectNode> subscriptions = account.objects("subscription");
        account.recordCreationEvents(true); // as Stripe does: a new object comes with its *.created event
        for (int round = 0; round < 3; round++) {
            advance(Duration.ofMinutes(3));
            String lastEvent = account.objects("event").get(0).get("id").asText();
            ObjectNode active = subscriptions.stream().filter(sub -> sub.get("status").asText().equals("active")).skip(round).findFirst()
                    .orElseThrow();
            String itemId = active.get("items").get("data").get(0).get("id").asText();
            account.update("subscription_item", itemId, JsonNodeFactory.instance.objectNode().put("quantity", 7 + round));
            ObjectNode other = subscriptions.stream().filter(sub -> sub.get("status").asText().equals("active")).skip(10 + round)
                    .findFirst().orElseThrow();
            account.delete("subscription", other.get("id").asText());
            String customer = account.customer("round" + round + "@example.com");
            String price = active.get("items").get("data").get(0).get("price").get("id").asText();
            account.subscription(SubscriptionSpec.of(customer, "active", Item.price(price, 2)).withCreated(account.now()));
            long now = account.now();
            String charge = account.charge(customer, 4_200 + round, "usd", "succeeded", "round" + round + "@example.com", null, now);
            if (round == 1) {
                account.refund(charge, 1_000, now);
            }
            for (ObjectNode event : account.eventsSince(lastEvent)) {
                HttpResponse<String> delivered = SignedWebhooks.deliver(server, "/webhooks/stripe/" + mirrored, SIGNING_SECRET, WebhookPayloads.body(event));
                assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
            }
            assertMirrorAgreesWithLive("after round " + (round + 1) + " of changes");
        }
        JsonNode block = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", mirrored,
                "queryConfig", Map.of("type", "stripe.mrr"),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "amount_cents")))))).body();
        assertThat(block.get("source").asText()).as("the block says where its value came from").isEqualTo("mirror");
    }

    @Test
    void aMirrorAnswerCostsAFewRequestsWhereLiveReadsEverything() {
        Map<String, Object> mrr = QUERIES.get(0);
        // The scheduler uses the same keys (a sync after a webhook, the cadence): let it finish, and as
        // the server's clock stands still, nothing new falls due while the requests are counted.
        server.awaitIdle();
        query(mirrored, mrr); // settles the catch-up of anything that came before
        long mirrorBefore = requests(mirroredKey);
        long liveBefore = requests(liveKey);
        assertThat(query(mirrored, mrr).get("source").asText()).isEqualTo("mirror");
        query(live, mrr);
        long fromMirror = requests(mirroredKey) - mirrorBefore;
        long fromLive = requests(liveKey) - liveBefore;
        assertThat(fromMirror).as("the feed and the new objects of two streams").isLessThanOrEqualTo(4);
        assertThat(fromLive).as("every active and past-due subscription, with the coupons").isGreaterThan(fromMirror);
    }

    @Test
    void aQueryWhoseStreamsAreNotMirroredRunsLive() {
        JsonNode balance = query(mirrored, Map.of("type", "stripe.balance", "params", Map.of()));
        assertThat(balance.get("source").asText()).isEqualTo("live");
    }

    private long requests(String key) {
        return server.stripe().requestCountForKey(key);
    }

    private void advance(Duration by) {
        server.clock().advance(by);
        account.advanceClock(by);
    }
}
