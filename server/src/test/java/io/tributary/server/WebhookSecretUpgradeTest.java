package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.crypto.EncryptedSecret;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.crypto.MasterKey;
import io.tributary.crypto.MasterKeyRing;
import io.tributary.crypto.SecretContext;
import io.tributary.crypto.WrappedDataKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A source saved when the webhook secret still sat inside the credentials' one ciphertext: the next
 * start moves it to a ciphertext of its own, and a node that has not seen the secret opens it once.
 */
class WebhookSecretUpgradeTest {

    private static final String SIGNING_SECRET = "whsec_upgrade0123456789abcdef";
    private static final EnvelopeEncryption ENCRYPTION = new EnvelopeEncryption(
            MasterKeyRing.of(MasterKey.fromBase64("primary", TestServer.MASTER_KEY)), event -> { });

    @Test
    void aSecretStoredInsideTheCredentialsIsMovedToItsOwnCiphertextAtStartUp() throws Exception {
        Path data = TestServer.newDataDirectory();
        FakeStripeAccount account = FakeStripeAccount.create();
        account.balance(Map.of("usd", 700L), Map.of());
        try (FakeStripe stripe = FakeStripe.start(account)) {
            String key = stripe.addKey(KeyAccess.allReads());
            String sourceId;
            try (TestServer before = new TestServer(stripe, false, Map.of(), data).start()) {
                Api api = before.api();
                String token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Old")).body().get("apiToken").asText();
                sourceId = api.post("/api/v1/data-sources", token, Map.of("type", "stripe",
                        "credentials", Map.of("apiKey", key, "webhookSecret", SIGNING_SECRET))).body().get("id").asText();
                writeAsBeforeTheSplit(before.database(), sourceId, key);
            }
            try (TestServer after = new TestServer(stripe, false, Map.of(), data).start()) {
                Jdbi database = after.database();
                Map<String, Object> row = database.withHandle(handle -> handle.createQuery(
                        "SELECT workspace_id, credentials, webhook_secret, has_webhook_secret, credential_version, data_key FROM data_source "
                                + "JOIN workspace ON workspace.id = workspace_id WHERE data_source.id = :id").bind("id", sourceId).mapToMap().one());
                assertThat(row.get("has_webhook_secret")).isEqualTo(true);
                assertThat(row.get("credential_version")).as("rewritten once, from version 0").isEqualTo(1);
                String workspaceId = (String) row.get("workspace_id");
                String dataKey = (String) row.get("data_key");
                assertThat(decrypt(workspaceId, dataKey, sourceId, "credentials#v1", (String) row.get("credentials")))
                        .isEqualTo("{\"api_key\":\"" + key + "\"}");
                assertThat(decrypt(workspaceId, dataKey, sourceId, "webhook_secret#v1", (String) row.get("webhook_secret"))).isEqualTo(SIGNING_SECRET);
                assertThat(decryptions(database, sourceId, "system:webhookSecretUpgrade")).as("one audited decryption, once").isEqualTo(1);

                String path = "/webhooks/stripe/" + sourceId;
                assertThat(SignedWebhooks.deliver(after, path, "whsec_notTheSecret0123456789", event("evt_a")).statusCode()).isEqualTo(400);
                assertThat(SignedWebhooks.deliver(after, path, SIGNING_SECRET, event("evt_b")).statusCode()).isEqualTo(200);
                assertThat(SignedWebhooks.deliver(after, path, "whsec_notTheSecret0123456789", event("evt_c")).statusCode()).isEqualTo(400);
                int secretOpened = database.withHandle(handle -> handle.createQuery("SELECT count(*) FROM audit_event WHERE "
                        + "action = 'credential.decrypt' AND target = :t AND detail->>'field' = 'webhook_secret'")
                        .bind("t", "data_source:" + sourceId).mapTo(Integer.class).one());
                assertThat(secretOpened).as("this node opened the signing secret once, for all three deliveries").isEqualTo(1);
            }
        }
    }

    /**
     * The layout of a source before the split (and before versions): every field, the signing secret included, in one
     * ciphertext bound to the unversioned field name, at version 0.
     */
    private static void writeAsBeforeTheSplit(Jdbi database, String sourceId, String key) {
        database.useHandle(handle -> {
            Map<String, Object> row = handle.createQuery("SELECT workspace_id, data_key FROM data_source JOIN workspace ON workspace.id = workspace_id "
                    + "WHERE data_source.id = :id").bind("id", sourceId).mapToMap().one();
            String workspaceId = (String) row.get("workspace_id");
            String bundle = ENCRYPTION.encryptString(new SecretContext(workspaceId, "data_source:" + sourceId, "credentials"),
                    WrappedDataKey.parse((String) row.get("data_key")),
                    "{\"api_key\":\"" + key + "\",\"webhook_secret\":\"" + SIGNING_SECRET + "\"}").toText();
            // As the superuser, past the guard that keeps the version from going down.
            handle.execute("SET session_replication_role = replica");
            handle.createUpdate("UPDATE data_source SET credentials = :c, webhook_secret = NULL, has_webhook_secret = true, "
                    + "credential_version = 0 WHERE id = :id").bind("c", bundle).bind("id", sourceId).execute();
            handle.execute("RESET session_replication_role");
        });
    }

    private static String decrypt(String workspaceId, String dataKey, String sourceId, String field, String ciphertext) {
        return ENCRYPTION.decryptString(new SecretContext(workspaceId, "data_source:" + sourceId, field), WrappedDataKey.parse(dataKey),
                EncryptedSecret.parse(ciphertext), "test");
    }

    private static int decryptions(Jdbi database, String sourceId, String actor) {
        return database.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM audit_event WHERE action = 'credential.decrypt' AND target = :t AND actor = :a")
                .bind("t", "data_source:" + sourceId).bind("a", actor).mapTo(Integer.class).one());
    }

    private static String event(String id) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"balance.available\",\"created\":" + Instant.now().getEpochSecond()
                + ",\"data\":{\"object\":{\"object\":\"balance\"}}}";
    }
}
