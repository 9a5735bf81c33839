package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A restart keeps every workspace, key and block: the embedded database's files are kept. */
class RestartTest {

    @Test
    void aRestartKeepsEverything() {
        Path data = TestServer.newDataDirectory();
        FakeStripeAccount account = FakeStripeAccount.create();
        account.balance(Map.of("usd", 4_200L), Map.of());
        try (FakeStripe stripe = FakeStripe.start(account)) {
            String token;
            String sourceId;
            String blockId;
            try (TestServer before = new TestServer(stripe, false, Map.of(), data).start()) {
                Api api = before.api();
                token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Durable")).body().get("apiToken").asText();
                sourceId = api.post("/api/v1/data-sources", token, Map.of("type", "stripe",
                        "credentials", Map.of("apiKey", stripe.addKey(KeyAccess.allReads())))).body().get("id").asText();
                blockId = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", sourceId,
                        "queryConfig", Map.of("type", "stripe.balance"),
                        "projection", Map.of("fields", Map.of("value", Map.of("source", "available_cents", "format", "currency"))))))
                        .body().get("id").asText();
            }
            try (TestServer after = new TestServer(stripe, false, Map.of(), data).start()) {
                Api api = after.api();
                assertThat(api.get("/api/v1/data-sources/" + sourceId, token).status()).as("the token still works").isEqualTo(200);
                assertThat(api.get("/api/v1/blocks/" + blockId, token).body().at("/widget/data/value").asText()).isEqualTo("$42.00");
                Api.Reply tested = api.post("/api/v1/data-sources/" + sourceId + "/test", token, Map.of());
                assertThat(tested.status()).as("the stored key still decrypts: " + tested.raw()).isEqualTo(200);
                assertThat(api.post("/api/v1/blocks/" + blockId + "/refresh", token, Map.of()).status()).isEqualTo(200);
            }
        }
    }
}
