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
import io.tributary.server.core.AuditedEncryption;
import io.tributary.server.core.DataKeyRotation;
import io.tributary.server.core.Database;
import io.tributary.server.core.ServerKeys;
import io.tributary.server.sources.CredentialVault;
import io.tributary.server.sources.StoredCredentials;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Rotating the master key rewraps every data key (the workspaces', the next one of a data key
 * rotation in progress, and the server's own) without touching a secret, and is recorded in the
 * server's audit chain: afterwards the server runs on the new key alone, every stored credential
 * still opens, the data key rotation still finishes, and the audit logs still verify.
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
            String workspaceId;
            String moved;
            String notMoved;
            Path data = TestServer.newDataDirectory();
            try (TestServer before = new TestServer(stripe, false, external, data).start()) {
                Api api = before.api();
                Api.Reply workspace = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Rotating", "plan", "builder"));
                token = workspace.body().get("apiToken").asText();
                workspaceId = workspace.body().get("id").asText();
                moved = api.post("/api/v1/data-sources", token, Map.of("type", "stripe",
                        "credentials", Map.of("apiKey", stripe.addKey(KeyAccess.allReads())))).body().get("id").asText();
                notMoved = api.post("/api/v1/data-sources", token, Map.of("type", "stripe",
                        "credentials", Map.of("apiKey", stripe.addKey(KeyAccess.allReads())))).body().get("id").asText();
            }
            // A data key rotation stopped midway: one source under the workspace's next key, one under its current key.
            MasterKeyRing oldRing = MasterKeyRing.of(MasterKey.fromBase64("primary", OLD_KEY));
            DataKeyRotation stopped = rotation(jdbi, oldRing);
            stopped.begin(workspaceId);
            assertThat(stopped.moveSource(moved)).isTrue();

            MasterKeyRing during = MasterKeyRing.of(NEW_KEY, MasterKey.fromBase64("primary", OLD_KEY));
            RotateMasterKeyCommand.Rewrapped rewrapped = RotateMasterKeyCommand.execute(jdbi, during, CLOCK);
            assertThat(rewrapped).as("the workspace's key, its next key and the server's").isEqualTo(new RotateMasterKeyCommand.Rewrapped(1, 3));
            int stillOld = jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM workspace WHERE data_key LIKE 'v1.primary.%' "
                    + "OR next_data_key LIKE 'v1.primary.%'").mapTo(Integer.class).one());
            assertThat(stillOld).as("keys still wrapped by the old master key").isZero();

            MasterKeyRing newKeyOnly = MasterKeyRing.of(NEW_KEY);
            List<Map<String, Object>> rotations = serverChain(jdbi, "master_key.rotate");
            assertThat(rotations).hasSize(1);
            assertThat(rotations.get(0)).containsEntry("actor", RotateMasterKeyCommand.ACTOR).containsEntry("target", "master_key:second")
                    .containsEntry("master_key", "second").containsEntry("data_keys", "3").containsEntry("workspaces", "1");
            assertThat(new AuditLog(jdbi, CLOCK, sealKey(jdbi, newKeyOnly)).verify(AuditTrail.SERVER_WORKSPACE).isValid())
                    .as("the server's chain verifies with the rotation in it").isTrue();

            Map<String, String> onNewKey = new HashMap<>(external);
            onNewKey.put("security.masterKey", NEW_KEY.exportBase64());
            onNewKey.put("security.masterKeyId", NEW_KEY.keyId());
            try (TestServer after = new TestServer(stripe, false, onNewKey, data).start()) {
                for (String source : List.of(moved, notMoved)) {
                    Api.Reply tested = after.api().post("/api/v1/data-sources/" + source + "/test", token, Map.of());
                    assertThat(tested.status()).as(tested.raw()).isEqualTo(200);
                }
                // The stopped data key rotation resumes on the new master key alone.
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                List<DataKeyRotation.Result> finished = RotateDataKeysCommand.execute(jdbi, newKeyOnly, CLOCK, Optional.of(workspaceId),
                        new PrintStream(out, true, StandardCharsets.UTF_8));
                assertThat(finished).singleElement().satisfies(result -> {
                    assertThat(result.resumed()).isTrue();
                    assertThat(result.reencrypted()).isEqualTo(1);
                });
                for (String source : List.of(moved, notMoved)) {
                    Api.Reply tested = after.api().post("/api/v1/data-sources/" + source + "/test", token, Map.of());
                    assertThat(tested.status()).as(tested.raw()).isEqualTo(200);
                }
                Api.Reply verified = after.api().get("/api/v1/audit-log/verify", token);
                assertThat(verified.body().get("valid").asBoolean()).as(verified.raw()).isTrue();
            }
        }
    }

    private static DataKeyRotation rotation(Jdbi jdbi, MasterKeyRing ring) {
        AuditedEncryption audited = AuditedEncryption.open(jdbi, ring, CLOCK, DataKeyRotation.ACTOR);
        return new DataKeyRotation(jdbi, audited.encryption(), new StoredCredentials(jdbi, new CredentialVault(audited.encryption())),
                audited.audit(), CLOCK);
    }

    private static io.tributary.audit.SealKeys sealKey(Jdbi jdbi, MasterKeyRing ring) {
        return ServerKeys.auditSealKeys(jdbi, new EnvelopeEncryption(ring, DecryptionListener.NONE), CLOCK, "test");
    }

    private static List<Map<String, Object>> serverChain(Jdbi jdbi, String action) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT actor, target, detail->>'master_key' AS master_key, "
                        + "detail->>'data_keys' AS data_keys, detail->>'workspaces' AS workspaces FROM audit_event "
                        + "WHERE workspace = :w AND action = :a")
                .bind("w", AuditTrail.SERVER_WORKSPACE).bind("a", action).mapToMap().list());
    }
}
