package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.server.core.BlockHistory;
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
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A block's values over time: each refresh (here, one per signed delivery, the server's clock moved
 * nine minutes between them) is a point; history is read per step with the last value, the minimum
 * and the maximum; compaction to hours and days keeps those, and the retention drops the rest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockHistoryTest {

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
    void eachRefreshIsAPointReadPerStepAndCompactionKeepsLastMinAndMax() throws Exception {
        String token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "History", "plan", "builder"))
                .body().get("apiToken").asText();
        JsonNode source = api.post("/api/v1/data-sources", token, Map.of("type", "webhook", "credentials", Map.of())).body();
        String block = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", source.get("id").asText(),
                "queryConfig", Map.of("type", "webhook.latest", "params", Map.of("path", "n")),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "value"), "label", Map.of("literal", "Signups"))))))
                .body().get("id").asText();
        server.awaitIdle();
        server.clock().set(server.clock().instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
        Instant start = server.clock().instant();

        int[] values = {5, 2, 9, 4, 7, 6};
        for (int i = 0; i < values.length; i++) {
            server.clock().advance(Duration.ofMinutes(9));
            int value = values[i];
            assertThat(deliver(source, "msg_" + i, "{\"n\":" + value + "}").statusCode()).isEqualTo(200);
            assertThat(Eventually.within(Duration.ofSeconds(10), () -> data(token, block).path("value").asInt() == value)).isTrue();
            server.awaitIdle();
        }

        Api.Reply tenMinutes = api.get("/api/v1/blocks/" + block + "/history?from=" + start + "&to=" + start.plus(Duration.ofHours(2))
                + "&step=10m", token);
        assertThat(tenMinutes.status()).as(tenMinutes.raw()).isEqualTo(200);
        assertThat(tenMinutes.body().get("series")).as("only numbers: the literal label is text").hasSize(1);
        assertThat(points(tenMinutes, "last")).containsExactly("5", "2", "9", "4", "7", "6");
        assertThat(tenMinutes.body().at("/series/0/points/0/source").asText()).isEqualTo("mirror");
        assertHourly(token, block, start);

        BlockHistory history = new BlockHistory(server.database().installPlugin(new SqlObjectPlugin()), Duration.ofDays(400));
        history.compact(start.plus(Duration.ofDays(8)));
        assertHourly(token, block, start);
        assertThat(points(api.get("/api/v1/blocks/" + block + "/history?from=" + start + "&to=" + start.plus(Duration.ofHours(2))
                + "&step=10m", token), "last")).as("compacted to one point an hour").containsExactly("6");

        history.compact(start.plus(Duration.ofDays(91)));
        Api.Reply daily = api.get("/api/v1/blocks/" + block + "/history?from=" + start.truncatedTo(ChronoUnit.DAYS) + "&to="
                + start.plus(Duration.ofDays(1)) + "&step=1d", token);
        assertThat(points(daily, "last")).containsExactly("6");
        assertThat(points(daily, "min")).containsExactly("2");
        assertThat(points(daily, "max")).containsExactly("9");
        assertThat(daily.body().at("/series/0/points/0/refreshes").asLong()).isGreaterThanOrEqualTo(values.length);

        history.compact(start.plus(Duration.ofDays(401)));
        assertThat(api.get("/api/v1/blocks/" + block + "/history?from=" + start.minus(Duration.ofDays(1)) + "&to="
                + start.plus(Duration.ofDays(1)) + "&step=1d", token).body().get("series")).as("past the retention").isEmpty();
    }

    @Test
    void aBadWindowOrStepIsRefusedNamingTheParameter() {
        String token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Bad", "plan", "builder"))
                .body().get("apiToken").asText();
        JsonNode source = api.post("/api/v1/data-sources", token, Map.of("type", "webhook", "credentials", Map.of())).body();
        String block = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", source.get("id").asText(),
                "queryConfig", Map.of("type", "webhook.count", "params", Map.of()),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "value")))))).body().get("id").asText();
        for (String[] bad : List.of(new String[] {"step=5x", "step"}, new String[] {"step=1s", "step"}, new String[] {"from=yesterday", "from"},
                new String[] {"from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from"},
                new String[] {"from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&step=1m", "step"})) {
            Api.Reply reply = api.get("/api/v1/blocks/" + block + "/history?" + bad[0], token);
            assertThat(reply.status()).as(bad[0] + ": " + reply.raw()).isEqualTo(422);
            assertThat(reply.errorField()).as(bad[0]).isEqualTo(bad[1]);
        }
        Api.Reply counted = api.get("/api/v1/blocks/" + block + "/history", token);
        assertThat(counted.status()).as(counted.raw()).isEqualTo(200);
        assertThat(counted.body().get("stepSeconds").asLong()).as("about 200 points over the default 7 days").isEqualTo(3060);
    }

    private void assertHourly(String token, String block, Instant start) {
        Api.Reply hourly = api.get("/api/v1/blocks/" + block + "/history?from=" + start + "&to=" + start.plus(Duration.ofHours(2))
                + "&step=1h", token);
        assertThat(points(hourly, "last")).containsExactly("6");
        assertThat(points(hourly, "min")).containsExactly("2");
        assertThat(points(hourly, "max")).containsExactly("9");
    }

    private static List<String> points(Api.Reply reply, String member) {
        JsonNode series = reply.body().get("series");
        if (series.isEmpty()) {
            return List.of();
        }
        return StreamSupport.stream(series.get(0).get("points").spliterator(), false)
                .map(point -> point.get(member).decimalValue().stripTrailingZeros().toPlainString()).toList();
    }

    private JsonNode data(String token, String block) {
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
