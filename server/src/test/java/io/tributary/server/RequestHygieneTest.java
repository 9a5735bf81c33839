package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every answer carries, and what every request must not carry: fields the server does not know. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestHygieneTest {

    private TestServer server;
    private Api api;
    private String token;
    private String sourceId;

    @BeforeAll
    void start() {
        FakeStripeAccount account = FakeStripeAccount.create();
        account.balance(Map.of("usd", 100L), Map.of());
        server = new TestServer(account).start();
        api = server.api();
        token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Tidy")).body().get("apiToken").asText();
        sourceId = api.post("/api/v1/data-sources", token, Map.of("type", "stripe",
                "credentials", Map.of("apiKey", server.stripe().addKey(KeyAccess.allReads())))).body().get("id").asText();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aMisspeltOrMisplacedFieldIsRefusedAndNothingChanges() {
        Api.Reply misspelt = api.patch("/api/v1/data-sources/" + sourceId, token, Map.of("lable", "Renamed"));
        assertThat(misspelt.status()).as(misspelt.raw()).isEqualTo(422);
        assertThat(misspelt.errorCode()).isEqualTo("unknown_field");
        assertThat(misspelt.errorField()).isEqualTo("lable");
        assertThat(misspelt.body().at("/error/message").asText()).contains("label");

        Api.Reply misplaced = api.patch("/api/v1/data-sources/" + sourceId, token, Map.of("label", "Renamed",
                "webhookSecret", "whsec_0123456789abcdefghij"));
        assertThat(misplaced.status()).isEqualTo(422);
        assertThat(misplaced.errorField()).isEqualTo("webhookSecret");
        assertThat(misplaced.raw()).doesNotContain("whsec_0123456789abcdefghij");
        assertThat(api.get("/api/v1/data-sources/" + sourceId, token).body().get("label").asText()).as("nothing half-applied")
                .isNotEqualTo("Renamed");

        Api.Reply nested = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                "queryConfig", Map.of("type", "stripe.balance", "parms", Map.of()),
                "projection", Map.of("fields", Map.of("n", Map.of("literal", 1))))));
        assertThat(nested.status()).isEqualTo(422);
        assertThat(nested.errorCode()).isEqualTo("unknown_field");
        assertThat(nested.errorField()).isEqualTo("binding.queryConfig.parms");

        Api.Reply workspace = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "X", "owner", "me"));
        assertThat(workspace.errorField()).isEqualTo("owner");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndASecretShownOnceIsNeverStored() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/workspaces", TestServer.ADMIN_TOKEN, "{\"name\":\"Headers\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("apiToken");
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertSecurityHeaders(created);

        HttpResponse<String> read = send("GET", "/api/v1/data-sources/" + sourceId, token, null);
        assertSecurityHeaders(read);
        assertThat(read.headers().firstValue("Cache-Control")).as("nothing secret here").isEmpty();

        HttpResponse<String> unauthorized = send("GET", "/api/v1/data-sources", null, null);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertSecurityHeaders(unauthorized);
        assertSecurityHeaders(send("GET", "/api/v1/no-such-thing", token, null));
    }

    @Test
    void aRetryableConnectorFailureIsA503ThatSaysWhenToRetry() throws Exception {
        server.stripe().failNext("/v1/balance", 50, 503);
        try {
            HttpResponse<String> failed = send("POST", "/api/v1/query", token,
                    "{\"dataSourceId\":\"" + sourceId + "\",\"type\":\"stripe.balance\",\"params\":{}}");
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(503);
            assertThat(failed.body()).contains("provider_unavailable");
            assertThat(Long.parseLong(failed.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        } finally {
            server.stripe().clearFaults();
        }
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
    }

    private HttpResponse<String> send(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().getLocalPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
