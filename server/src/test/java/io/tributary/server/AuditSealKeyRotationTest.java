package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.crypto.DecryptionListener;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.crypto.MasterKey;
import io.tributary.crypto.MasterKeyRing;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The audit seal key is rotated while a server runs: chains sealed before still verify, the server
 * picks the new key up the first time it meets a head sealed with it, and reseals every chain it
 * appends to under it.
 */
class AuditSealKeyRotationTest {


    @Test
    void aRotationTakesEffectOnARunningServerAndOldChainsStillVerify() throws Exception {
        try (TestServer server = new TestServer(FakeStripeAccount.create()).start()) {
            Api api = server.api();
            JsonNode workspace = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Sealed")).body();
            String id = workspace.get("id").asText();
            String token = workspace.get("apiToken").asText();
            Jdbi database = server.database().installPlugin(new org.jdbi.v3.sqlobject.SqlObjectPlugin());
            assertThat(keyOf(database, id)).isEqualTo("initial");

            String rotated = RotateAuditSealKeyCommand.rotate(database,
                    new EnvelopeEncryption(MasterKeyRing.of(MasterKey.fromBase64("primary", TestServer.MASTER_KEY)), DecryptionListener.NONE),
                    Clock.systemUTC());
            assertThat(rotated).isEqualTo("k2");
            assertThat(keyOf(database, "_server")).as("the rotation's own row is sealed with the new key").isEqualTo("k2");
            assertThat(keyOf(database, id)).as("untouched until its next append").isEqualTo("initial");
            assertThat(api.get("/api/v1/audit-log/verify", token).body().get("valid").asBoolean()).isTrue();

            // The running server meets the new key on the server's chain (verifying it) and loads it; no restart.
            assertThat(api.get("/api/v1/audit-log/verify", TestServer.ADMIN_TOKEN).body().get("valid").asBoolean()).isTrue();
            api.patch("/api/v1/workspaces/" + id, TestServer.ADMIN_TOKEN, Map.of("name", "Sealed again"));
            assertThat(keyOf(database, id)).as("resealed under the newest key by its next append").isEqualTo("k2");
            assertThat(api.get("/api/v1/audit-log/verify?full=true", token).body().get("valid").asBoolean()).isTrue();
            assertThat(Eventually.within(Duration.ofSeconds(10), () -> serverChain(api).contains("system:sealKeyReload")))
                    .as("the reload's decryptions are recorded").isTrue();
            JsonNode serverVerified = api.get("/api/v1/audit-log/verify?full=true", TestServer.ADMIN_TOKEN).body();
            assertThat(serverVerified.get("valid").asBoolean()).as(serverVerified.toString()).isTrue();
            assertThat(serverChain(api)).contains("system:rotateAuditSealKey");
        }
    }

    private static List<String> serverChain(Api api) {
        return api.get("/api/v1/audit-log?limit=500", TestServer.ADMIN_TOKEN).body().get("events").findValuesAsText("actor");
    }

    private static String keyOf(Jdbi database, String workspace) {
        return database.withHandle(handle -> handle.createQuery("SELECT key_id FROM audit_chain_head WHERE workspace = :ws")
                .bind("ws", workspace).mapTo(String.class).one());
    }
}
