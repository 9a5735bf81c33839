package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.server.plugins.BundledPlugin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code compare}: a metric widget shows its change against the value a day and a week earlier, read
 * from the block's history. Values arrive as signed deliveries to the webhook connector; the server's
 * clock is moved a day, then six more, between them, and each delivery's refresh is awaited (the
 * scheduler going idle) before the widget data is read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockCompareTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestServer server;
    private Api api;

    @BeforeAll
    void start() {
        server = new TestServer(FakeStripeAccount.create(), Map.of()).withPlugins(BundledPlugin.WEBHOOK).start();
        api = server.api();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCurrencyWidgetShowsItsChangeAgainstADayAndAWeekEarlierFromHistory() throws Exception {
        String token = workspace("Compare");
        JsonNode source = webhookSource(token);
        Api.Reply created = api.post("/api/v1/blocks", token, block(source, Map.of(
                "mrr", Map.of("source", "value", "format", "currency", "options", Map.of("currency", "USD"),
                        "compare", List.of("day", "week")),
                "label", Map.of("literal", "MRR"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String block = created.body().get("id").asText();
        assertThat(created.body().at("/widget/data/mrr_compare/day")).as("no value, no history yet").isEqualTo(JSON.readTree(
                "{\"previous\": null, \"delta\": null, \"percent\": null, \"trend\": null, \"at\": null}"));
        server.awaitIdle();
        server.clock().set(server.clock().instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
        Instant start = server.clock().instant();

        JsonNode first = deliverAndRead(token, source, block, "msg_1", 1000);
        assertThat(first.get("mrr").asText()).isEqualTo("$10.00");
        assertThat(first.at("/mrr_compare/day/previous").isNull()).as("nothing a day old yet: " + first).isTrue();
        assertThat(first.at("/mrr_compare/week/delta").isNull()).isTrue();

        server.clock().advance(Duration.ofDays(1));
        JsonNode dayLater = deliverAndRead(token, source, block, "msg_2", 1200);
        assertThat(dayLater.get("mrr").asText()).isEqualTo("$12.00");
        assertThat(dayLater.at("/mrr_compare/day")).isEqualTo(JSON.readTree("{\"previous\": \"$10.00\", \"delta\": \"+$2.00\", "
                + "\"percent\": \"+20%\", \"trend\": \"up\", \"at\": \"" + start + "\"}"));
        assertThat(dayLater.at("/mrr_compare/week/previous").isNull()).as("the block is a day old").isTrue();

        server.clock().advance(Duration.ofDays(6));
        JsonNode weekLater = deliverAndRead(token, source, block, "msg_3", 900);
        assertThat(weekLater.get("mrr").asText()).isEqualTo("$9.00");
        assertThat(weekLater.at("/mrr_compare/day")).as("the last value at or before a day ago: the one of day 1")
                .isEqualTo(JSON.readTree("{\"previous\": \"$12.00\", \"delta\": \"-$3.00\", \"percent\": \"-25%\", \"trend\": \"down\", "
                        + "\"at\": \"" + start.plus(Duration.ofDays(1)) + "\"}"));
        assertThat(weekLater.at("/mrr_compare/week")).isEqualTo(JSON.readTree("{\"previous\": \"$10.00\", \"delta\": \"-$1.00\", "
                + "\"percent\": \"-10%\", \"trend\": \"down\", \"at\": \"" + start + "\"}"));
        assertThat(weekLater.get("label").asText()).isEqualTo("MRR");

        Api.Reply history = api.get("/api/v1/blocks/" + block + "/history?from=" + start + "&to=" + start.plus(Duration.ofDays(8))
                + "&step=1d", token);
        assertThat(history.status()).as(history.raw()).isEqualTo(200);
        JsonNode series = StreamSupport.stream(history.body().get("series").spliterator(), false)
                .filter(one -> one.get("field").asText().equals("mrr")).findFirst().orElseThrow();
        assertThat(StreamSupport.stream(series.get("points").spliterator(), false)
                .map(point -> point.get("last").decimalValue().stripTrailingZeros().toPlainString()).toList())
                .as("history keeps the amount as the result gave it, in cents, though the widget shows text")
                .containsExactly("1000", "1200", "900");
    }

    @Test
    void compareWithAnUnknownPeriodOrOnANonNumberIsRefusedNamingTheField() {
        String token = workspace("Refused");
        JsonNode source = webhookSource(token);
        Api.Reply year = api.post("/api/v1/blocks", token, block(source, Map.of(
                "mrr", Map.of("source", "value", "format", "number", "compare", "year"))));
        assertThat(year.status()).as(year.raw()).isEqualTo(422);
        assertThat(year.errorCode()).isEqualTo("invalid_compare");
        assertThat(year.errorField()).isEqualTo("binding.projection.fields.mrr");

        Api.Reply text = api.post("/api/v1/blocks", token, block(source, Map.of("id", Map.of("source", "delivery_id", "compare", "day"))));
        assertThat(text.status()).as(text.raw()).isEqualTo(422);
        assertThat(text.errorCode()).isEqualTo("invalid_compare");
        assertThat(text.errorField()).isEqualTo("binding.projection.fields.id");

        Api.Reply misspelt = api.post("/api/v1/blocks", token, block(source, Map.of(
                "mrr", Map.of("source", "value", "format", "number", "comapre", "day"))));
        assertThat(misspelt.status()).as(misspelt.raw()).isEqualTo(422);
        assertThat(misspelt.errorCode()).isEqualTo("invalid_spec");
        assertThat(misspelt.errorField()).isEqualTo("binding.projection.fields.mrr");

        assertThat(api.get("/api/v1/blocks", token).body().toString()).as("nothing saved").doesNotContain("\"mrr\"");
    }

    private String workspace(String name) {
        return api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", name, "plan", "builder"))
                .body().get("apiToken").asText();
    }

    private JsonNode webhookSource(String token) {
        return api.post("/api/v1/data-sources", token, Map.of("type", "webhook", "credentials", Map.of())).body();
    }

    private static Map<String, Object> block(JsonNode source, Map<String, Object> fields) {
        return Map.of("binding", Map.of("dataSourceId", source.get("id").asText(),
                "queryConfig", Map.of("type", "webhook.latest", "params", Map.of("path", "n")),
                "projection", Map.of("fields", fields)));
    }

    /** Delivers {@code {"n": value}} at the server's clock, waits for the refresh it sets off, and returns the widget data. */
    private JsonNode deliverAndRead(String token, JsonNode source, String block, String id, int value) throws Exception {
        HttpResponse<String> delivered = deliver(source, id, "{\"n\":" + value + "}");
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        server.awaitIdle();
        return api.get("/api/v1/blocks/" + block, token).body().at("/widget/data");
    }

    private HttpResponse<String> deliver(JsonNode source, String id, String body) throws Exception {
        String secret = source.at("/generatedSecrets/secret").asText();
        long t = server.clock().instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().getLocalPort() + "/webhooks/webhook/"
                        + source.get("id").asText()))
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(t))
                .header("webhook-signature", WebhookPluginTest.signature(secret, id, t, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
