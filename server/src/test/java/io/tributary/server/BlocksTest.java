package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.FakeStripePermission;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.connector.stripe.fake.SubscriptionSpec;
import io.tributary.connector.stripe.fake.SubscriptionSpec.Item;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Blocks end to end: saved, validated, refreshed, projected, streamed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlocksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestServer server;
    private Api api;
    private FakeStripeAccount account;
    private String usdMonthly;

    @BeforeAll
    void start() {
        account = FakeStripeAccount.create();
        String product = account.product("Pro");
        usdMonthly = account.price(product, 2500, "usd", "month", 1, "licensed");
        account.subscription(SubscriptionSpec.of(account.customer("ann@example.com"), "active", Item.price(usdMonthly, 2)));
        account.charge(null, 1999, "usd", "succeeded", "bob@example.com", null, account.now() - 60);
        account.balance(Map.of("usd", 123_456L), Map.of("usd", 1_000L));
        server = new TestServer(account).start();
        api = server.api();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String workspace() {
        return api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Blocks", "plan", "builder")).body().get("apiToken").asText();
    }

    private String source(String token, KeyAccess access) {
        return source(token, server.stripe().addKey(access));
    }

    private String source(String token, String key) {
        Api.Reply created = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "credentials", Map.of("apiKey", key)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static Map<String, Object> mrrBlock(String sourceId) {
        return Map.of("binding", Map.of("dataSourceId", sourceId, "queryConfig", Map.of("type", "stripe.mrr", "params", Map.of()),
                        "projection", Map.of("fields", Map.of("value", Map.of("source", "amount_cents", "format", "currency"),
                                "label", Map.of("literal", "MRR")))),
                "widget", Map.of("template", "kpi", "data", Map.of("subtitle", "Monthly recurring revenue")));
    }

    @Test
    void aBlockIsRefreshedRightAwayAndProjected() {
        String token = workspace();
        Api.Reply created = api.post("/api/v1/blocks", token, mrrBlock(source(token, KeyAccess.allReads())));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("id").asText()).startsWith("blk_");
        assertThat(created.body().at("/widget/data/value").asText()).isEqualTo("$50.00");
        assertThat(created.body().at("/widget/data/label").asText()).isEqualTo("MRR");
        assertThat(created.body().at("/widget/data/subtitle").asText()).isEqualTo("Monthly recurring revenue");
        assertThat(created.body().at("/widget/template").asText()).isEqualTo("kpi");
        assertThat(created.body().get("lastRefreshAt").isNull()).isFalse();
        assertThat(created.body().get("source").asText()).isEqualTo("live");
        Api.Reply read = api.get("/api/v1/blocks/" + created.body().get("id").asText(), token);
        assertThat(read.body().at("/widget/data")).isEqualTo(created.body().at("/widget/data"));
    }

    @Test
    void aListProjectionMapsEveryElement() {
        String token = workspace();
        Api.Reply created = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", source(token, KeyAccess.allReads()),
                "queryConfig", Map.of("type", "stripe.recent_charges", "params", Map.of("limit", 5)),
                "projection", Map.of("fields", Map.of("items", Map.of("source", "charges", "each", Map.of("fields", Map.of(
                        "amount", Map.of("source", "amount_cents", "format", "currency"),
                        "who", Map.of("source", "customer_email")))))))));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().at("/widget/data/items/0/amount").asText()).isEqualTo("$19.99");
        assertThat(created.body().at("/widget/data/items/0/who").asText()).isEqualTo("bob@example.com");
    }

    @Test
    void parametersAndProjectionsAreValidatedAgainstTheQueryType() {
        String token = workspace();
        // The source's own key: the scheduler refreshes other tests' sources on the same fake meanwhile.
        String key = server.stripe().addKey(KeyAccess.allReads());
        String sourceId = source(token, key);
        long requestsBefore = server.stripe().requestCountForKey(key);

        Api.Reply badLimit = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", "stripe.recent_charges", "params", Map.of("limit", 500)),
                "projection", Map.of("fields", Map.of("n", Map.of("literal", 1))))));
        assertThat(badLimit.status()).isEqualTo(422);
        assertThat(badLimit.errorField()).isEqualTo("binding.queryConfig.params.limit");

        Api.Reply unknownType = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", "stripe.nothing"), "projection", Map.of("fields", Map.of("n", Map.of("literal", 1))))));
        assertThat(unknownType.errorField()).isEqualTo("binding.queryConfig.type");

        Api.Reply unknownPath = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", "stripe.mrr"),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "amount_dollars"))))));
        assertThat(unknownPath.status()).isEqualTo(422);
        assertThat(unknownPath.errorCode()).isEqualTo("unknown_path");
        assertThat(unknownPath.errorField()).startsWith("binding.projection");

        Api.Reply mismatch = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", "stripe.mrr"),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "currency", "format", "percent"))))));
        assertThat(mismatch.errorCode()).isEqualTo("format_mismatch");
        assertThat(server.stripe().requestCountForKey(key)).as("no request to Stripe for invalid blocks").isEqualTo(requestsBefore);
    }

    @Test
    void aRefreshPicksUpChangesAndKeepsHistory() {
        String token = workspace();
        String id = api.post("/api/v1/blocks", token, mrrBlock(source(token, KeyAccess.allReads()))).body().get("id").asText();
        String added = account.subscription(SubscriptionSpec.of(account.customer("cy@example.com"), "active", Item.price(usdMonthly, 1)));
        try {
            Api.Reply refreshed = api.post("/api/v1/blocks/" + id + "/refresh", token, Map.of());
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(refreshed.body().at("/widget/data/value").asText()).isEqualTo("$75.00");
        } finally {
            account.delete("subscription", added);
        }
    }

    @Test
    void oneFailingBindingDoesNotStopTheOthers() {
        String token = workspace();
        String sourceId = source(token, KeyAccess.allReadsExcept(FakeStripePermission.SUBSCRIPTION));
        Api.Reply mrr = api.post("/api/v1/blocks", token, mrrBlock(sourceId));
        Api.Reply balance = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", "stripe.balance"),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "available_cents", "format", "currency"))))));

        assertThat(mrr.status()).isEqualTo(201);
        assertThat(mrr.body().get("lastErrorCode").asText()).isEqualTo("permission_missing");
        assertThat(mrr.body().get("lastErrorMessage").asText()).contains("Subscriptions: Read");
        assertThat(balance.body().at("/widget/data/value").asText()).isEqualTo("$1,234.56");
        assertThat(balance.body().get("lastErrorMessage").isNull()).isTrue();
    }

    @Test
    void aRevokedKeyPutsTheSourceInError() {
        String token = workspace();
        String key = server.stripe().addKey(KeyAccess.allReads());
        String sourceId = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "credentials", Map.of("apiKey", key)))
                .body().get("id").asText();
        String blockId = api.post("/api/v1/blocks", token, mrrBlock(sourceId)).body().get("id").asText();

        server.stripe().revokeKey(key);
        api.post("/api/v1/blocks/" + blockId + "/refresh", token, Map.of());

        Api.Reply source = api.get("/api/v1/data-sources/" + sourceId, token);
        assertThat(source.body().get("status").asText()).isEqualTo("error");
        assertThat(source.body().get("lastErrorMessage").asText()).contains("refused the API key");
        assertThat(api.get("/api/v1/blocks/" + blockId, token).body().at("/widget/data/value").asText())
                .as("the last good data stays").isEqualTo("$50.00");
    }

    @Test
    void theQueryEndpointAnswersLive() {
        String token = workspace();
        Api.Reply answer = api.post("/api/v1/query", token, Map.of("dataSourceId", source(token, KeyAccess.allReads()),
                "type", "stripe.balance", "params", Map.of()));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().at("/data/available_cents").asLong()).isEqualTo(123_456);
        assertThat(answer.body().get("source").asText()).isEqualTo("live");
        Api.Reply bad = api.post("/api/v1/query", token, Map.of("dataSourceId", "ds_nope", "type", "stripe.balance"));
        assertThat(bad.status()).isEqualTo(404);
    }

    @Test
    void deletingTheSourceDeletesItsBlocks() {
        String token = workspace();
        String sourceId = source(token, KeyAccess.allReads());
        String blockId = api.post("/api/v1/blocks", token, mrrBlock(sourceId)).body().get("id").asText();

        assertThat(api.delete("/api/v1/data-sources/" + sourceId, token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/blocks/" + blockId, token).status()).isEqualTo(404);
    }

    @Test
    void serverSentEventsCarryEachChangeOfTheWidgetData() throws Exception {
        String token = workspace();
        String id = api.post("/api/v1/blocks", token, mrrBlock(source(token, KeyAccess.allReads()))).body().get("id").asText();
        try (EventStream stream = openEvents("/api/v1/blocks/" + id + "/events", token)) {
            BlockingQueue<JsonNode> events = stream.events();
            JsonNode first = events.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.get("value").asText()).isEqualTo("$50.00");
            // A change notice carrying the data the client already has (as the first refresh's notice does when it
            // arrives after the stream opened) is not sent again: the next event is the next change.
            server.database().useHandle(handle -> handle.createQuery("SELECT pg_notify('tributary_widget_changes', :block)")
                    .bind("block", id).mapTo(String.class).list());

            String added = account.subscription(SubscriptionSpec.of(account.customer("dee@example.com"), "active", Item.price(usdMonthly, 4)));
            try {
                api.post("/api/v1/blocks/" + id + "/refresh", token, Map.of());
                JsonNode changed = events.poll(10, TimeUnit.SECONDS);
                assertThat(changed).isNotNull();
                assertThat(changed.get("value").asText()).isEqualTo("$150.00");
            } finally {
                account.delete("subscription", added);
            }
        }
    }

    @Test
    void aBoardsStreamCarriesEveryBlockOfTheWorkspaceAndThoseMadeWhileItIsOpenButNoOtherWorkspaces() throws Exception {
        String token = workspace();
        String sourceId = source(token, KeyAccess.allReads());
        String first = api.post("/api/v1/blocks", token, mrrBlock(sourceId)).body().get("id").asText();
        String otherToken = workspace();
        String otherSource = source(otherToken, KeyAccess.allReads());
        try (EventStream stream = openEvents("/api/v1/blocks/events", token)) {
            BlockingQueue<JsonNode> events = stream.events();
            JsonNode opening = events.poll(10, TimeUnit.SECONDS);
            assertThat(opening).as("each block's current data when the stream opens").isNotNull();
            assertThat(opening.get("blockId").asText()).isEqualTo(first);
            assertThat(opening.at("/data/value").asText()).isEqualTo("$50.00");

            // Another workspace's new block is not this board's; this workspace's new block is, with its first refresh.
            api.post("/api/v1/blocks", otherToken, mrrBlock(otherSource));
            String second = api.post("/api/v1/blocks", token, mrrBlock(sourceId)).body().get("id").asText();
            JsonNode made = events.poll(10, TimeUnit.SECONDS);
            assertThat(made).as("the block made while the stream was open").isNotNull();
            assertThat(made.get("blockId").asText()).isEqualTo(second);
            assertThat(made.at("/data/value").asText()).isEqualTo("$50.00");
            server.awaitIdle();
            assertThat(events).as("nothing from the other workspace").isEmpty();
        }
    }

    /** An open Server-Sent Events stream: each event's data, parsed, as it arrives. */
    private record EventStream(BlockingQueue<JsonNode> events, InputStream body) implements AutoCloseable {
        @Override
        public void close() throws java.io.IOException {
            body.close();
        }
    }

    private EventStream openEvents(String path, String token) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().getLocalPort() + path))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readEvents(response.body(), events));
        reader.setDaemon(true);
        reader.start();
        return new EventStream(events, response.body());
    }

    private static void readEvents(InputStream body, BlockingQueue<JsonNode> events) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data:")) {
                    events.add(JSON.readTree(line.substring(5).trim()));
                }
            }
        } catch (Exception e) {
            // the test closed the stream
        }
    }
}
