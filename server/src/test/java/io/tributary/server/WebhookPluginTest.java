package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.server.plugins.BundledPlugin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The webhook connector as it ships, a plugin directory: a source with a generated secret, KPI and
 * aggregate blocks over its deliveries, each delivery signed here as a Standard Webhooks sender
 * signs one (javax.crypto, not the connector's code), and every refusal storing nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookPluginTest {

    private static final AtomicInteger IDS = new AtomicInteger();

    private TestServer server;
    private Api api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void start() {
        server = new TestServer(FakeStripeAccount.create(), Map.of("connectors.webhook.retention_deliveries", "3"))
                .withPlugins(BundledPlugin.WEBHOOK).start();
        api = server.api();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDeliveryMovesAKpiBlockWithinTwoSecondsAndIsKeptAsADataset() throws Exception {
        String token = workspace();
        Source source = source(token, Map.of("keep_headers", "X-Request-Id"));
        String kpi = block(token, source.id(), "webhook.latest", Map.of("path", "metrics.signups"), Map.of("value", "value"));
        String sum = block(token, source.id(), "webhook.sum", Map.of("path", "metrics.signups", "window_hours", 24),
                Map.of("value", "value", "count", "count"));
        assertThat(data(token, kpi).path("value").isNumber()).as("no delivery yet: " + data(token, kpi)).isFalse();
        server.awaitIdle();

        Instant sent = Instant.now();
        HttpResponse<String> delivered = deliver(source, "{\"metrics\":{\"signups\":42}}", Map.of("X-Request-Id", "req-1",
                "Authorization", "Bearer never-kept"));
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        assertThat(Eventually.within(Duration.ofSeconds(2), () -> data(token, kpi).path("value").asInt() == 42)).as("fresh within 2 s").isTrue();
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(2));

        assertThat(deliver(source, "{\"metrics\":{\"signups\":8}}", Map.of()).statusCode()).isEqualTo(200);
        assertThat(Eventually.within(Duration.ofSeconds(2), () -> data(token, kpi).path("value").asInt() == 8)).isTrue();
        server.awaitIdle();
        assertThat(data(token, sum).get("value").decimalValue()).isEqualByComparingTo("50");
        assertThat(data(token, sum).get("count").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/blocks/" + kpi, token).body().get("source").asText()).as("answered from the kept deliveries").isEqualTo("mirror");

        JsonNode dataset = datasets(token, source.id()).get(0);
        assertThat(dataset.get("stream").asText()).isEqualTo("deliveries");
        assertThat(dataset.get("mode").asText()).isEqualTo("pushed");
        assertThat(dataset.get("objects").asLong()).isEqualTo(2);
        List<JsonNode> records = records(token, source.id());
        assertThat(records).extracting(record -> record.at("/data/body/metrics/signups").asInt()).containsExactly(8, 42);
        JsonNode first = records.get(1).get("data");
        assertThat(first.at("/headers/x-request-id/0").asText()).isEqualTo("req-1");
        assertThat(first.get("headers").has("authorization")).as("credentials are never kept").isFalse();
        assertThat(first.get("scheme").asText()).isEqualTo("standard");
    }

    @Test
    void aSourceKeepsItsNewestDeliveriesUpToTheRetentionAndIsNeverAskedToSelectThem() throws Exception {
        String token = workspace();
        Source source = source(token, Map.of());
        for (int i = 1; i <= 5; i++) {
            assertThat(deliver(source, "{\"n\":" + i + "}", Map.of()).statusCode()).isEqualTo(200);
        }
        assertThat(records(token, source.id())).hasSize(5);

        Api.Reply selected = api.put("/api/v1/data-sources/" + source.id() + "/datasets", token,
                Map.of("datasets", List.of(Map.of("stream", "deliveries"))));
        assertThat(selected.status()).as(selected.raw()).isEqualTo(422);
        assertThat(selected.errorCode()).isEqualTo("stream_pushed");
        Api.Reply none = api.put("/api/v1/data-sources/" + source.id() + "/datasets", token, Map.of("datasets", List.of()));
        assertThat(none.status()).as(none.raw()).isEqualTo(200);
        assertThat(records(token, source.id())).as("an empty selection leaves the pushed stream").hasSize(5);

        server.clock().advance(Duration.ofHours(2)); // the retention pass is due hourly
        server.scheduler().syncDatasetsAfterEvent(source.id());
        assertThat(Eventually.within(Duration.ofSeconds(30), () -> records(token, source.id()).size() == 3)).isTrue();
        assertThat(records(token, source.id())).extracting(record -> record.at("/data/body/n").asInt()).containsExactly(5, 4, 3);
        assertThat(datasets(token, source.id()).get(0).get("notice").asText()).contains("removed 2");
    }

    @Test
    void aRefusedDeliveryStoresNothingAndSaysWhy() throws Exception {
        String token = workspace();
        Source source = source(token, Map.of());
        String id = "msg_" + IDS.incrementAndGet();
        long now = server.clock().instant().getEpochSecond();

        assertRefused(send(source, id, now, "{\"a\":1}", "v1," + Base64.getEncoder().encodeToString(new byte[32]), Map.of()),
                400, "webhook_signature_invalid");
        assertRefused(send(source, id, now - 3600, "{\"a\":1}", signature(source.secret(), id, now - 3600, "{\"a\":1}"), Map.of()),
                400, "webhook_timestamp_out_of_tolerance");
        assertRefused(send(source, id, now, "not json", signature(source.secret(), id, now, "not json"), Map.of()),
                400, "webhook_payload_malformed");
        String large = "{\"p\":\"" + "x".repeat(1024 * 1024) + "\"}";
        assertRefused(send(source, id, now, large, signature(source.secret(), id, now, large), Map.of()), 413, "request_too_large");
        assertThat(records(token, source.id())).as("nothing stored").isEmpty();

        HttpResponse<String> first = send(source, id, now, "{\"a\":1}", signature(source.secret(), id, now, "{\"a\":1}"), Map.of());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        HttpResponse<String> replayed = send(source, id, now, "{\"a\":1}", signature(source.secret(), id, now, "{\"a\":1}"), Map.of());
        assertThat(replayed.statusCode()).as("acknowledged, so the sender stops retrying").isEqualTo(200);
        assertThat(replayed.body()).contains("\"duplicates\":1");
        assertThat(records(token, source.id())).as("kept once").hasSize(1);
        assertThat(api.get("/api/v1/data-sources/" + source.id(), token).body().at("/refusedWebhooks/count").asInt()).isEqualTo(3);
    }

    @Test
    void aReplacedSecretIsStillAcceptedDuringTheOverlapAndRefusedAfter() throws Exception {
        String token = workspace();
        Source source = source(token, Map.of());
        assertThat(deliver(source, "{\"n\":1}", Map.of()).statusCode()).isEqualTo(200);
        String next = "whsec_" + Base64.getEncoder().encodeToString("the next signing key, 32 bytes!!".getBytes(StandardCharsets.US_ASCII));
        Api.Reply rotated = api.patch("/api/v1/data-sources/" + source.id(), token, Map.of("credentials", Map.of("secret", next)));
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        Source renewed = new Source(source.id(), next, source.webhookUrl());

        assertThat(deliver(source, "{\"n\":2}", Map.of()).statusCode()).as("the old secret, during the overlap").isEqualTo(200);
        assertThat(deliver(renewed, "{\"n\":3}", Map.of()).statusCode()).as("the new secret").isEqualTo(200);

        server.clock().advance(Duration.ofHours(25)); // past the default 24-hour overlap
        assertRefused(deliver(source, "{\"n\":4}", Map.of()), 400, "webhook_signature_invalid");
        assertThat(deliver(renewed, "{\"n\":5}", Map.of()).statusCode()).isEqualTo(200);
        assertThat(records(token, source.id())).extracting(record -> record.at("/data/body/n").asInt()).containsExactlyInAnyOrder(1, 2, 3, 5);
    }

    @Test
    void aSourceWhoseSettingsCannotWorkIsRefusedWhenSaved() {
        String token = workspace();
        Api.Reply authorization = api.post("/api/v1/data-sources", token, Map.of("type", "webhook",
                "credentials", Map.of("keep_headers", "X-Request-Id, Authorization")));
        assertThat(authorization.status()).as(authorization.raw()).isEqualTo(422);
        assertThat(authorization.raw()).contains("authorization carries credentials and is never kept");
        Api.Reply githubSecret = api.post("/api/v1/data-sources", token, Map.of("type", "webhook",
                "credentials", Map.of("secret", "a-github-style-secret-0123", "scheme", "standard")));
        assertThat(githubSecret.status()).as(githubSecret.raw()).isEqualTo(422);
        assertThat(githubSecret.raw()).contains("whsec_");
        Api.Reply github = api.post("/api/v1/data-sources", token, Map.of("type", "webhook",
                "credentials", Map.of("secret", "a-github-style-secret-0123", "scheme", "github")));
        assertThat(github.status()).as(github.raw()).isEqualTo(201);
        assertThat(github.raw()).doesNotContain("a-github-style-secret-0123");
    }

    private record Source(String id, String secret, String webhookUrl) {
    }

    private Source source(String token, Map<String, String> credentials) {
        Api.Reply created = api.post("/api/v1/data-sources", token, Map.of("type", "webhook", "label", "Signups",
                "credentials", credentials));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().get("id").asText();
        String secret = created.body().at("/generatedSecrets/secret").asText();
        assertThat(secret).as("generated and shown once").matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(api.get("/api/v1/data-sources/" + id, token).raw()).doesNotContain(secret);
        String url = created.body().get("webhookUrl").asText();
        assertThat(url).endsWith("/webhooks/webhook/" + id);
        return new Source(id, secret, url);
    }

    private String block(String token, String sourceId, String queryType, Map<String, Object> params, Map<String, String> fields) {
        Map<String, Object> projection = new java.util.LinkedHashMap<>();
        fields.forEach((name, path) -> projection.put(name, Map.of("source", path)));
        Api.Reply created = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", queryType, "params", params), "projection", Map.of("fields", projection))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private JsonNode data(String token, String blockId) {
        return api.get("/api/v1/blocks/" + blockId, token).body().at("/widget/data");
    }

    private List<JsonNode> datasets(String token, String sourceId) {
        Api.Reply reply = api.get("/api/v1/data-sources/" + sourceId + "/datasets", token);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return StreamSupport.stream(reply.body().get("datasets").spliterator(), false).toList();
    }

    private List<JsonNode> records(String token, String sourceId) {
        Api.Reply page = api.get("/api/v1/data-sources/" + sourceId + "/datasets/deliveries/records?limit=100", token);
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        return StreamSupport.stream(page.body().get("records").spliterator(), false).toList();
    }

    private HttpResponse<String> deliver(Source source, String body, Map<String, String> headers) throws Exception {
        String id = "msg_" + IDS.incrementAndGet();
        long t = server.clock().instant().getEpochSecond();
        return send(source, id, t, body, signature(source.secret(), id, t, body), headers);
    }

    private HttpResponse<String> send(Source source, String id, long t, String body, String signature, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().getLocalPort()
                        + "/webhooks/webhook/" + source.id()))
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(t)).header("webhook-signature", signature)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As a Standard Webhooks sender signs: HMAC-SHA256 keyed by the secret's Base64 part, over id.timestamp.body. */
    static String signature(String secret, String id, long t, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    }

    private String workspace() {
        Api.Reply created = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Signups", "plan", "builder"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("apiToken").asText();
    }
}
