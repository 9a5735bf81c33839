package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One token cannot take the server for itself: its requests a second and its open event streams are capped. */
class RequestLimitsTest {

    @Test
    void aTokenPastItsRateOrItsStreamsIsAnswered429AndOtherTokensAreNot() throws Exception {
        FakeStripeAccount account = FakeStripeAccount.create();
        account.balance(Map.of("usd", 10L), Map.of());
        try (TestServer server = new TestServer(account, Map.of("limits.requestsPerSecondPerToken", "0.1",
                "limits.requestBurstPerToken", "5", "limits.eventStreamsPerToken", "2")).start()) {
            Api api = server.api();
            JsonNode workspace = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Busy")).body();
            String workspaceId = workspace.get("id").asText();
            String first = workspace.get("apiToken").asText();
            String source = api.post("/api/v1/data-sources", first, Map.of("type", "stripe",
                    "credentials", Map.of("apiKey", server.stripe().addKey(KeyAccess.allReads())))).body().get("id").asText();
            String block = api.post("/api/v1/blocks", first, Map.of("binding", Map.of("dataSourceId", source,
                    "queryConfig", Map.of("type", "stripe.balance"),
                    "projection", Map.of("fields", Map.of("value", Map.of("source", "available_cents")))))).body().get("id").asText();
            String busy = issue(api, workspaceId, "busy");
            String reader = issue(api, workspaceId, "screens");

            for (int i = 0; i < 5; i++) {
                assertThat(api.get("/api/v1/blocks/" + block, busy).status()).as("request %d, within the burst", i + 1).isEqualTo(200);
            }
            HttpResponse<String> limited = get(server, "/api/v1/blocks/" + block, busy);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.body()).contains("rate_limited");
            assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 10L);
            assertThat(api.get("/api/v1/blocks/" + block, first).status()).as("another token of the same workspace").isEqualTo(200);

            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<Stream<String>>>> streams = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(events(server, block, reader),
                            HttpResponse.BodyHandlers.ofLines());
                    streams.add(stream);
                    assertThat(stream.get(30, TimeUnit.SECONDS).statusCode()).as("stream %d opens", i + 1).isEqualTo(200);
                }
                HttpResponse<String> third = http.send(events(server, block, reader), HttpResponse.BodyHandlers.ofString());
                assertThat(third.statusCode()).isEqualTo(429);
                assertThat(third.body()).contains("too_many_event_streams");
                CompletableFuture<HttpResponse<Stream<String>>> other = http.sendAsync(events(server, block, first),
                        HttpResponse.BodyHandlers.ofLines());
                streams.add(other);
                assertThat(other.get(30, TimeUnit.SECONDS).statusCode()).as("another token's stream").isEqualTo(200);
            } finally {
                streams.forEach(stream -> stream.thenAccept(response -> response.body().close()));
            }
        }
    }

    private static String issue(Api api, String workspaceId, String name) {
        return api.post("/api/v1/workspaces/" + workspaceId + "/tokens", TestServer.ADMIN_TOKEN, Map.of("name", name, "scope", "read"))
                .body().get("token").asText();
    }

    private static HttpRequest events(TestServer server, String block, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().getLocalPort() + "/api/v1/blocks/" + block + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
    }

    private static HttpResponse<String> get(TestServer server, String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().getLocalPort() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
