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
import io.tributary.server.sources.VersionedField;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A source's ciphertexts are bound to its credential version, which every rewrite raises: an
 * older ciphertext copied back into the row does not open (refused with a stable code, the failed
 * decryption audited), and the server's own role cannot turn the version back. Sources stored
 * before versions still open, and are bound to a version at the next start.
 */
class CredentialVersionTest {

    private static final EnvelopeEncryption ENCRYPTION = new EnvelopeEncryption(
            MasterKeyRing.of(MasterKey.fromBase64("primary", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")), event -> { });
    private static final String FIRST_SECRET = "whsec_VersionFirst0123456789abcdef";
    private static final String SECOND_SECRET = "whsec_VersionSecond0123456789abcde";

    private final AtomicInteger events = new AtomicInteger();

    @Test
    void anOlderCiphertextCopiedBackIntoItsRowDoesNotOpen() throws Exception {
        FakeStripeAccount account = FakeStripeAccount.create();
        account.balance(Map.of("usd", 100L), Map.of());
        try (TestServer server = new TestServer(account).start()) {
            Api api = server.api();
            Jdbi database = server.database();
            String token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Versioned")).body().get("apiToken").asText();
            String key = server.stripe().addKey(KeyAccess.allReads());
            String id = created(api.post("/api/v1/data-sources", token, Map.of("type", "stripe",
                    "credentials", Map.of("apiKey", key, "webhookSecret", FIRST_SECRET))));
            Map<String, Object> first = row(database, id);
            assertThat(first.get("credential_version")).isEqualTo(1);

            assertThat(api.patch("/api/v1/data-sources/" + id, token, Map.of("credentials",
                    Map.of("apiKey", server.stripe().addKey(KeyAccess.allReads()), "webhookSecret", SECOND_SECRET))).status()).isEqualTo(200);
            assertThat(row(database, id).get("credential_version")).as("new credentials").isEqualTo(2);
            assertThat(api.patch("/api/v1/data-sources/" + id, token, Map.of("label", "Renamed")).status()).isEqualTo(200);
            assertThat(row(database, id).get("credential_version")).as("no new credentials").isEqualTo(2);

            // The first API key's ciphertext, copied back.
            set(database, id, "credentials", (String) first.get("credentials"));
            Api.Reply refused = api.post("/api/v1/data-sources/" + id + "/test", token, Map.of());
            assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
            assertThat(refused.errorCode()).isEqualTo("credentials_unreadable");
            assertThat(refused.errorField()).isEqualTo("credentials");
            assertThat(failedDecryptions(database, id, "credentials")).containsExactly("2 failed:AUTHENTICATION_FAILED");
            assertThat(api.get("/api/v1/data-sources/" + id, token).body().get("status").asText()).as("it waits for new credentials")
                    .isEqualTo("error");

            // New credentials put it right.
            assertThat(api.patch("/api/v1/data-sources/" + id, token, Map.of("credentials",
                    Map.of("apiKey", key, "webhookSecret", SECOND_SECRET))).status()).isEqualTo(200);
            assertThat(row(database, id).get("credential_version")).isEqualTo(3);
            assertThat(api.post("/api/v1/data-sources/" + id + "/test", token, Map.of()).status()).isEqualTo(200);
            assertThat(deliver(server, id, SECOND_SECRET).statusCode()).isEqualTo(200);

            // The first signing secret's ciphertext, copied back: neither secret verifies a delivery now.
            set(database, id, "webhook_secret", (String) first.get("webhook_secret"));
            for (String secret : List.of(FIRST_SECRET, SECOND_SECRET)) {
                HttpResponse<String> delivery = deliver(server, id, secret);
                assertThat(delivery.statusCode()).as(delivery.body()).isEqualTo(409);
                assertThat(delivery.body()).contains("\"credentials_unreadable\"").doesNotContain(FIRST_SECRET).doesNotContain(SECOND_SECRET);
            }
            assertThat(failedDecryptions(database, id, "webhook_secret"))
                    .containsExactly("3 failed:AUTHENTICATION_FAILED", "3 failed:AUTHENTICATION_FAILED");

            // The server's own role can neither turn the version back nor lift the guard.
            Jdbi app = server.databaseAsApp();
            assertThat(sqlState(() -> app.useHandle(handle -> handle.createUpdate(
                    "UPDATE data_source SET credential_version = 1 WHERE id = :id").bind("id", id).execute()))).isEqualTo("23514");
            assertThat(sqlState(() -> app.useHandle(handle -> handle.execute(
                    "ALTER TABLE data_source DISABLE TRIGGER data_source_credential_version_never_decreases")))).isEqualTo("42501");
            assertThat(row(database, id).get("credential_version")).isEqualTo(3);
        }
    }

    @Test
    void sourcesStoredBeforeVersionsStillOpenAndAreBoundToAVersionAtStartUp() throws Exception {
        Path data = TestServer.newDataDirectory();
        FakeStripeAccount account = FakeStripeAccount.create();
        account.balance(Map.of("usd", 100L), Map.of());
        try (FakeStripe stripe = FakeStripe.start(account)) {
            String key = stripe.addKey(KeyAccess.allReads());
            String token;
            String id;
            String unversioned;
            try (TestServer before = new TestServer(stripe, false, Map.of(), data).start()) {
                Api api = before.api();
                token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Old")).body().get("apiToken").asText();
                id = created(api.post("/api/v1/data-sources", token, Map.of("type", "stripe",
                        "credentials", Map.of("apiKey", key, "webhookSecret", FIRST_SECRET))));
                unversioned = writeAsBeforeVersions(before.database(), id, key);
            }
            try (TestServer after = new TestServer(stripe, false, Map.of(), data).start()) {
                Jdbi database = after.database();
                Map<String, Object> row = row(database, id);
                assertThat(row.get("credential_version")).isEqualTo(1);
                assertThat(decrypt(row, id, new VersionedField("credentials", 1), (String) row.get("credentials")))
                        .isEqualTo("{\"api_key\":\"" + key + "\"}");
                assertThat(decrypt(row, id, new VersionedField("webhook_secret", 1), (String) row.get("webhook_secret"))).isEqualTo(FIRST_SECRET);
                List<String> upgraded = database.withHandle(handle -> handle.createQuery("SELECT detail->>'field' FROM audit_event WHERE "
                                + "action = 'credential.decrypt' AND target = :t AND actor = 'system:credentialVersionUpgrade' "
                                + "AND detail->>'outcome' = 'ok'")
                        .bind("t", "data_source:" + id).mapTo(String.class).list());
                assertThat(upgraded).as("each ciphertext opened once, by the upgrade").containsExactlyInAnyOrder("credentials", "webhook_secret");

                Api api = after.api();
                assertThat(api.post("/api/v1/data-sources/" + id + "/test", token, Map.of()).status()).isEqualTo(200);
                assertThat(deliver(after, id, FIRST_SECRET).statusCode()).isEqualTo(200);

                // The unversioned ciphertext no longer opens in its row.
                set(database, id, "credentials", unversioned);
                Api.Reply refused = api.post("/api/v1/data-sources/" + id + "/test", token, Map.of());
                assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
                assertThat(refused.errorCode()).isEqualTo("credentials_unreadable");
            }
        }
    }

    /** The layout of a source before versions: both ciphertexts with the unversioned field names, and version 0. */
    private static String writeAsBeforeVersions(Jdbi database, String id, String key) {
        return database.withHandle(handle -> {
            Map<String, Object> row = row(database, id);
            String workspaceId = (String) row.get("workspace_id");
            WrappedDataKey dataKey = WrappedDataKey.parse((String) row.get("data_key"));
            String credentials = ENCRYPTION.encryptString(new SecretContext(workspaceId, "data_source:" + id, "credentials"), dataKey,
                    "{\"api_key\":\"" + key + "\"}").toText();
            String webhookSecret = ENCRYPTION.encryptString(new SecretContext(workspaceId, "data_source:" + id, "webhook_secret"), dataKey,
                    FIRST_SECRET).toText();
            // As the superuser, past the guard that keeps the version from going down: the row as it was stored back then.
            handle.execute("SET session_replication_role = replica");
            handle.createUpdate("UPDATE data_source SET credentials = :c, webhook_secret = :w, credential_version = 0 WHERE id = :id")
                    .bind("c", credentials).bind("w", webhookSecret).bind("id", id).execute();
            handle.execute("RESET session_replication_role");
            return credentials;
        });
    }

    private static String created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.body().get("id").asText();
    }

    private HttpResponse<String> deliver(TestServer server, String id, String secret) throws Exception {
        String body = "{\"id\":\"evt_version" + events.incrementAndGet() + "\",\"object\":\"event\",\"type\":\"balance.available\","
                + "\"created\":" + server.clock().instant().getEpochSecond() + ",\"data\":{\"object\":{\"object\":\"balance\"}}}";
        return SignedWebhooks.deliver(server, "/webhooks/stripe/" + id, secret, body);
    }

    private static Map<String, Object> row(Jdbi database, String id) {
        return database.withHandle(handle -> handle.createQuery("SELECT data_source.workspace_id, credentials, webhook_secret, "
                        + "credential_version, data_key FROM data_source JOIN workspace ON workspace.id = workspace_id WHERE data_source.id = :id")
                .bind("id", id).mapToMap().one());
    }

    private static void set(Jdbi database, String id, String column, String ciphertext) {
        database.useHandle(handle -> handle.createUpdate("UPDATE data_source SET " + column + " = :c WHERE id = :id")
                .bind("c", ciphertext).bind("id", id).execute());
    }

    /** The failed decryptions of one of the source's ciphertexts, each as "credential_version outcome". */
    private static List<String> failedDecryptions(Jdbi database, String id, String field) {
        return database.withHandle(handle -> handle.createQuery("SELECT (detail->>'credential_version') || ' ' || (detail->>'outcome') "
                        + "FROM audit_event WHERE action = 'credential.decrypt' AND target = :t AND detail->>'field' = :f "
                        + "AND detail->>'outcome' <> 'ok' ORDER BY workspace, seq")
                .bind("t", "data_source:" + id).bind("f", field).mapTo(String.class).list());
    }

    private static String decrypt(Map<String, Object> row, String id, VersionedField field, String ciphertext) {
        return ENCRYPTION.decryptString(new SecretContext((String) row.get("workspace_id"), "data_source:" + id, field.fieldName()),
                WrappedDataKey.parse((String) row.get("data_key")), EncryptedSecret.parse(ciphertext), "test");
    }

    private static String sqlState(Runnable statement) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(statement::run);
        assertThat(thrown).isNotNull();
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a refusal by PostgreSQL: " + thrown).isInstanceOf(SQLException.class);
        return ((SQLException) cause).getSQLState();
    }
}
