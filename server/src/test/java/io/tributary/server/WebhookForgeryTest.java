package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A webhook URL is not a secret: anyone may post to it. A forged delivery must cost nothing but a
 * count: no decryption, no audit row, no queued work; a flood of them is turned away unchecked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookForgeryTest {

    private static final String SIGNING_SECRET = "whsec_forgery0123456789abcdef";
    private static final int BURST = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestServer server;
    private Api api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void start() {
        FakeStripeAccount account = FakeStripeAccount.create();
        account.balance(Map.of("usd", 1_000L), Map.of());
        // One refused delivery a second, after a burst: the flood below takes a few seconds, so nearly all of it is turned away.
        server = new TestServer(account, Map.of("limits.refusedWebhooksPerSecond", "1",
                "limits.refusedWebhooksBurst", String.valueOf(BURST))).start();
        api = server.api();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aThousandForgedDeliveriesDecryptStoreAuditAndQueueNothing() throws Exception {
        String token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Forged")).body().get("apiToken").asText();
        String sourceId = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "credentials",
                Map.of("apiKey", server.stripe().addKey(KeyAccess.allReads()), "webhookSecret", SIGNING_SECRET))).body().get("id").asText();
        String blockId = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", "stripe.balance"),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "available_cents")))))).body().get("id").asText();
        // A new source is due for a full refresh at once: let it finish, so the counts below are the deliveries' alone.
        assertThat(Eventually.within(Duration.ofSeconds(30), () -> !api.get("/api/v1/data-sources/" + sourceId, token).body()
                .get("lastRefreshAt").isNull())).isTrue();
        long auditRows = count("SELECT count(*) FROM audit_event");
        long decryptions = count("SELECT count(*) FROM audit_event WHERE action = 'credential.decrypt'");

        int refused = 0;
        int rateLimited = 0;
        long started = System.nanoTime();
        String event = event("evt_forged", "balance.available");
        for (int i = 0; i < 1_000; i++) {
            HttpResponse<String> response = http.send(forgery(i % 4, sourceId, event), HttpResponse.BodyHandlers.ofString());
            switch (response.statusCode()) {
                case 400 -> refused++;
                case 429 -> {
                    rateLimited++;
                    assertThat(response.headers().firstValue("Retry-After")).as("429 says when to come back").hasValue("1");
                }
                default -> throw new AssertionError("A forged delivery answered " + response.statusCode() + ": " + response.body());
            }
        }

        long elapsedSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertThat(refused).as("checked and refused until the source's bucket ran dry, then one a second")
                .isBetween(BURST, BURST + (int) elapsedSeconds + 1);
        assertThat(refused).isEqualTo(1_000 - rateLimited);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'credential.decrypt'")).as("decryptions").isEqualTo(decryptions);
        assertThat(count("SELECT count(*) FROM audit_event")).as("audit rows").isEqualTo(auditRows);
        assertThat(count("SELECT count(*) FROM webhook_event")).as("stored events").isZero();
        assertThat(count("SELECT count(*) FROM pending_refresh WHERE actor = 'system:stripeWebhook'")).as("queued refreshes").isZero();

        JsonNode view = api.get("/api/v1/data-sources/" + sourceId, token).body();
        assertThat(view.at("/refusedWebhooks/count").asLong()).isEqualTo(refused);
        assertThat(Instant.parse(view.at("/refusedWebhooks/lastAt").asText())).isEqualTo(server.clock().instant().truncatedTo(
                java.time.temporal.ChronoUnit.MICROS));
        JsonNode meters = JSON.readTree(server.admin().get("/metrics", null).raw()).path("meters");
        assertThat(meters.at("/webhooks.refused/count").asLong()).isEqualTo(refused);
        assertThat(meters.at("/webhooks.rate_limited/count").asLong()).isEqualTo(rateLimited);

        // While the bucket is dry even a genuine delivery is turned away (the provider retries it); within a second it is taken.
        String genuineEvent = event("evt_genuine", "balance.available");
        @SuppressWarnings("unchecked")
        HttpResponse<String>[] genuine = new HttpResponse[1];
        assertThat(Eventually.within(Duration.ofSeconds(10), () -> {
            genuine[0] = deliver(sourceId, genuineEvent);
            return genuine[0].statusCode() != 429;
        })).isTrue();
        assertThat(genuine[0].statusCode()).as(genuine[0].body()).isEqualTo(200);
        assertThat(genuine[0].body()).contains("\"received\":1");
        assertThat(count("SELECT count(*) FROM webhook_event")).isEqualTo(1);
        // The verified event queues a refresh of the balance block; only that refresh opens the API key.
        assertThat(Eventually.within(Duration.ofSeconds(30), () -> count(
                "SELECT count(*) FROM audit_event WHERE action = 'credential.decrypt' AND actor = 'system:stripeWebhook'") == 1)).isTrue();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'credential.decrypt' AND detail->>'field' = 'webhook_secret'"))
                .as("the signing secret was known from the request that set it: never decrypted").isZero();
        assertThat(api.get("/api/v1/blocks/" + blockId, token).status()).isEqualTo(200);
    }

    /** Four kinds of forgery: another secret, no signature, a stale signed time, a header that is not a signature. */
    private HttpRequest forgery(int kind, String sourceId, String body) throws Exception {
        long now = server.clock().instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().getLocalPort()
                + "/webhooks/stripe/" + sourceId)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return switch (kind) {
            case 0 -> request.header("Stripe-Signature", "t=" + now + ",v1=" + sign("whsec_notTheSecret0123456789", now, body)).build();
            case 1 -> request.build();
            case 2 -> request.header("Stripe-Signature", "t=" + (now - 3_600) + ",v1=" + sign(SIGNING_SECRET, now - 3_600, body)).build();
            default -> request.header("Stripe-Signature", "t=yesterday,v1=zz").build();
        };
    }

    private HttpResponse<String> deliver(String sourceId, String body) {
        try {
            return SignedWebhooks.deliver(server, "/webhooks/stripe/" + sourceId, SIGNING_SECRET, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String secret, long t, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private String event(String id, String type) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"created\":"
                + server.clock().instant().getEpochSecond() + ",\"data\":{\"object\":{\"object\":\"balance\"}}}";
    }

    private long count(String sql) {
        Jdbi database = server.database();
        return database.withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
