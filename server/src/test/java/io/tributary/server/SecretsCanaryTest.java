package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Known fake keys and webhook secrets go through the whole flow with DEBUG logging; then the log,
 * every response and a dump of every table (Quartz's included) are searched for them: zero hits.
 */
class SecretsCanaryTest {

    private static final String KEY = "rk_test_CanaryKeyAlpha7Q2v9ZxW4mN8";
    private static final String NEW_KEY = "rk_test_CanaryKeyBravo3K6p1TyU5sJ0";
    private static final String REVOKED_KEY = "rk_test_CanaryKeyDelta8R4w2QeH7vL1";
    private static final String WEBHOOK_SECRET = "whsec_CanaryWebhookEcho5F9j3NbC6xD2";
    private static final List<String> CANARIES = List.of(KEY, NEW_KEY, REVOKED_KEY, WEBHOOK_SECRET,
            KEY.substring(8), NEW_KEY.substring(8), REVOKED_KEY.substring(8), WEBHOOK_SECRET.substring(6));

    private final List<String> responses = new ArrayList<>();

    @Test
    void noSecretAppearsInLogsResponsesOrTheDatabase() throws Exception {
        Path data = TestServer.newDataDirectory();
        Path log = data.resolve("server.log");
        FakeStripeAccount account = FakeStripeAccount.create();
        account.balance(Map.of("usd", 1_000L), Map.of());
        try (FakeStripe stripe = FakeStripe.start(account)) {
            stripe.addKey(KEY, KeyAccess.allReads());
            stripe.addKey(NEW_KEY, KeyAccess.allReads());
            stripe.addKey(REVOKED_KEY, KeyAccess.revoked());
            Map<String, String> debugLogging = Map.of(
                    "logging.level", "DEBUG",
                    "logging.loggers.org\\.eclipse\\.jetty", "INFO",
                    "logging.loggers.com\\.github\\.tomakehurst", "INFO",
                    "logging.loggers.wiremock", "INFO",
                    "logging.appenders[0].type", "file",
                    "logging.appenders[0].currentLogFilename", log.toString(),
                    "logging.appenders[0].archive", "false",
                    "logging.appenders[0].threshold", "ALL");
            try (TestServer server = new TestServer(stripe, false, debugLogging, data).start()) {
                runEverything(server);
                String dump = dumpEveryTable(server);
                assertThat(dump).as("the database dump was taken").contains("qrtz_").contains("data_source");
                for (String canary : CANARIES) {
                    assertThat(dump).as("database").doesNotContain(canary);
                    assertThat(dump).as("database, hex").doesNotContainIgnoringCase(HexFormat.of().formatHex(canary.getBytes(StandardCharsets.UTF_8)));
                    assertThat(String.join("\n", responses)).as("responses").doesNotContain(canary);
                }
            }
            String logged = Files.readString(log);
            assertThat(logged).as("the DEBUG log was written").contains("DEBUG");
            for (String canary : CANARIES) {
                assertThat(logged).as("the log").doesNotContain(canary);
            }
        }
    }

    private Api.Reply record(Api.Reply reply) {
        responses.add(reply.raw() == null ? "" : reply.raw());
        return reply;
    }

    private void runEverything(TestServer server) throws Exception {
        Api api = server.api();
        String token = record(api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Canary", "plan", "builder")))
                .body().get("apiToken").asText();
        record(api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "credentials", Map.of("apiKey", REVOKED_KEY))));
        record(api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "credentials", Map.of("apiKey", "sk_live_" + KEY.substring(8)))));
        String sourceId = record(api.post("/api/v1/data-sources", token, Map.of("type", "stripe",
                "credentials", Map.of("apiKey", KEY, "webhookSecret", WEBHOOK_SECRET)))).body().get("id").asText();
        String blockId = record(api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", "stripe.balance"),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "available_cents"))))))).body().get("id").asText();
        record(api.get("/api/v1/data-sources", token));
        record(api.get("/api/v1/data-sources/" + sourceId, token));
        record(api.post("/api/v1/data-sources/" + sourceId + "/test", token, Map.of()));
        record(api.post("/api/v1/blocks/" + blockId + "/refresh", token, Map.of()));
        record(api.post("/api/v1/query", token, Map.of("dataSourceId", sourceId, "type", "stripe.balance")));
        deliverWebhook(server, sourceId, true);
        deliverWebhook(server, sourceId, false);
        record(api.patch("/api/v1/data-sources/" + sourceId, token, Map.of("credentials", Map.of("apiKey", NEW_KEY, "webhookSecret", WEBHOOK_SECRET))));
        record(api.post("/api/v1/data-sources/" + sourceId + "/test", token, Map.of()));
        server.awaitIdle(); // the scheduled and webhook refreshes have run, with their DEBUG logging
        assertThat(server.scheduler().activity().refreshes(sourceId)).as("the scheduler refreshed the source").isPositive();
        record(api.get("/api/v1/blocks/" + blockId, token));
    }

    private void deliverWebhook(TestServer server, String sourceId, boolean genuine) throws Exception {
        long t = server.clock().instant().getEpochSecond();
        String body = "{\"id\":\"evt_canary" + genuine + "\",\"object\":\"event\",\"type\":\"balance.available\",\"created\":" + t
                + ",\"data\":{\"object\":{\"object\":\"balance\"}}}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec((genuine ? WEBHOOK_SECRET : "whsec_wrong").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().getLocalPort() + "/webhooks/stripe/" + sourceId))
                .header("Stripe-Signature", "t=" + t + ",v1=" + signature).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        responses.add(response.body());
        assertThat(response.statusCode()).isEqualTo(genuine ? 200 : 400);
    }

    private static String dumpEveryTable(TestServer server) throws Exception {
        Jdbi jdbi = server.database();
        return jdbi.withHandle(handle -> {
            StringBuilder dump = new StringBuilder();
            for (String table : handle.createQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                    .mapTo(String.class).list()) {
                dump.append("== ").append(table).append('\n');
                handle.createQuery("SELECT row_to_json(t)::text FROM \"" + table + "\" t").mapTo(String.class)
                        .forEach(row -> dump.append(row).append('\n'));
            }
            // Quartz keeps job data as bytes: dump them as text too.
            handle.createQuery("SELECT coalesce(encode(job_data, 'escape'), '') FROM qrtz_job_details UNION ALL "
                    + "SELECT coalesce(encode(job_data, 'escape'), '') FROM qrtz_triggers").mapTo(String.class)
                    .forEach(row -> dump.append(row).append('\n'));
            return dump.toString();
        });
    }
}
