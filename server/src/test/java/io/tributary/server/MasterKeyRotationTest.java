package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.crypto.DecryptionListener;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.crypto.MasterKey;
import io.tributary.crypto.MasterKeyRing;
import io.tributary.server.core.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rotating the master key rewraps every data key (the workspaces' and the server's own) without
 * touching a secret: afterwards the server runs on the new key alone, every stored credential
 * still opens, and the audit log still verifies.
 */
class MasterKeyRotationTest {

    private static final String OLD_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="; // test-config.yml's
    private static final MasterKey NEW_KEY = MasterKey.generate("second");

    @Test
    void afterARotationTheServerRunsOnTheNewKeyAlone() throws Exception {
        FakeStripeAccount account = FakeStripeAccount.create();
        account.balance(Map.of("usd", 100L), Map.of());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start(); FakeStripe stripe = FakeStripe.start(account)) {
            Map<String, String> external = Map.of("database.url", postgres.getJdbcUrl("postgres", "postgres"), "database.user", "postgres");
            String token;
            String sourceId;
            Path data = TestServer.newDataDirectory();
            try (TestServer before = new TestServer(stripe, false, external, data).start()) {
                token = before.api().post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Rotating")).body().get("apiToken").asText();
                sourceId = before.api().post("/api/v1/data-sources", token, Map.of("type", "stripe",
                        "credentials", Map.of("apiKey", stripe.addKey(KeyAccess.allReads())))).body().get("id").asText();
            }

            MasterKeyRing ring = MasterKeyRing.of(NEW_KEY, MasterKey.fromBase64("primary", OLD_KEY));
            int rewrapped = RotateMasterKeyCommand.rotate(Database.jdbi(postgres.getPostgresDatabase()),
                    new EnvelopeEncryption(ring, DecryptionListener.NONE));
            assertThat(rewrapped).isEqualTo(1);

            Map<String, String> newKeyOnly = new java.util.HashMap<>(external);
            newKeyOnly.put("security.masterKey", NEW_KEY.exportBase64());
            newKeyOnly.put("security.masterKeyId", NEW_KEY.keyId());
            try (TestServer after = new TestServer(stripe, false, newKeyOnly, data).start()) {
                Api.Reply tested = after.api().post("/api/v1/data-sources/" + sourceId + "/test", token, Map.of());
                assertThat(tested.status()).as(tested.raw()).isEqualTo(200);
                Api.Reply verified = after.api().get("/api/v1/audit-log/verify", token);
                assertThat(verified.body().get("valid").asBoolean()).as(verified.raw()).isTrue();
            }
        }
    }
}
