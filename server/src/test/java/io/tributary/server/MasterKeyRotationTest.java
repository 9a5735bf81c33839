package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.audit.AuditLog;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.crypto.DecryptionListener;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.crypto.MasterKey;
import io.tributary.crypto.MasterKeyRing;
import io.tributary.server.core.AuditTrail;
import io.tributary.server.core.Database;
import io.tributary.server.core.ServerKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Rotating the master key rewraps every data key (the workspaces' and the server's own) without
 * touching a secret, and is recorded in the server's audit chain: afterwards the server runs on the
 * new key alone, every stored credential still opens, and the audit logs still verify.
 */
class MasterKeyRotationTest {

    private static final String OLD_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="; // test-config.yml's
    private static final MasterKey NEW_KEY = MasterKey.generate("second");
    private static final Clock CLOCK = Clock.systemUTC();

    @Test
    void afterARotationTheServerRunsOnTheNewKeyAloneAndTheRotationIsAudited() throws Exception {
        FakeStripeAccount account = FakeStripeAccount.create();
        account.balance(Map.of("usd", 100L), Map.of());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start(); FakeStripe stripe = FakeStripe.start(account)) {
            Map<String, String> external = Map.of("database.url", postgres.getJdbcUrl("postgres", "postgres"), "database.user", "postgres");
            Jdbi jdbi = Database.jdbi(postgres.getPostgresDatabase());
            String token;
            String sourceId;
            Path data = TestServer.newDataDirectory();
            try (TestServer before = new TestServer(stripe, false, external, data).start()) {
                token = before.api().post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Rotating")).body().get("apiToken").asText();
                sourceId = before.api().post("/api/v1/data-sources", token, Map.of("type", "stripe",
                        "credentials", Map.of("apiKey", stripe.addKey(KeyAccess.allReads())))).body().get("id").asText();
            }

            MasterKeyRing during = MasterKeyRing.of(NEW_KEY, MasterKey.fromBase64("primary", OLD_KEY));
            RotateMasterKeyCommand.Rewrapped rewrapped = RotateMasterKeyCommand.execute(jdbi, during, CLOCK);
            assertThat(rewrapped).as("the workspace's key and the server's").isEqualTo(new RotateMasterKeyCommand.Rewrapped(1, 2));
            int stillOld = jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM workspace WHERE data_key LIKE 'v1.primary.%' "
                    + "OR next_data_key LIKE 'v1.primary.%'").mapTo(Integer.class).one());
            assertThat(stillOld).as("keys still wrapped by the old master key").isZero();

            MasterKeyRing newKeyOnly = MasterKeyRing.of(NEW_KEY);
            List<Map<String, Object>> rotations = serverChain(jdbi, "master_key.rotate");
            assertThat(rotations).hasSize(1);
            assertThat(rotations.get(0)).containsEntry("actor", RotateMasterKeyCommand.ACTOR).containsEntry("target", "master_key:second")
                    .containsEntry("master_key", "second").containsEntry("data_keys", "2").containsEntry("workspaces", "1");
            assertThat(new AuditLog(jdbi, CLOCK, sealKey(jdbi, newKeyOnly)).verify(AuditTrail.SERVER_WORKSPACE).isValid())
                    .as("the server's chain verifies with the rotation in it").isTrue();

            Map<String, String> onNewKey = new HashMap<>(external);
            onNewKey.put("security.masterKey", NEW_KEY.exportBase64());
            onNewKey.put("security.masterKeyId", NEW_KEY.keyId());
            try (TestServer after = new TestServer(stripe, false, onNewKey, data).start()) {
                Api.Reply tested = after.api().post("/api/v1/data-sources/" + sourceId + "/test", token, Map.of());
                assertThat(tested.status()).as(tested.raw()).isEqualTo(200);
                Api.Reply verified = after.api().get("/api/v1/audit-log/verify", token);
                assertThat(verified.body().get("valid").asBoolean()).as(verified.raw()).isTrue();
            }
        }
    }

    private static byte[] sealKey(Jdbi jdbi, MasterKeyRing ring) {
        return ServerKeys.auditSealKey(jdbi, new EnvelopeEncryption(ring, DecryptionListener.NONE), CLOCK);
    }

    private static List<Map<String, Object>> serverChain(Jdbi jdbi, String action) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT actor, target, detail->>'master_key' AS master_key, "
                        + "detail->>'data_keys' AS data_keys, detail->>'workspaces' AS workspaces FROM audit_event "
                        + "WHERE workspace = :w AND action = :a")
                .bind("w", AuditTrail.SERVER_WORKSPACE).bind("a", action).mapToMap().list());
    }
}
