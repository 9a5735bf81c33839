package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.crypto.MasterKey;
import io.tributary.crypto.MasterKeyRing;
import io.tributary.crypto.WrappedDataKey;
import io.tributary.server.core.AuditedEncryption;
import io.tributary.server.core.DataKeyRotation;
import io.tributary.server.core.Database;
import io.tributary.server.sources.CredentialVault;
import io.tributary.server.sources.StoredCredentials;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Rotating a workspace's data key beside a running server (sharing its PostgreSQL, as
 * bin/tributary rotate-data-keys does): a rotation stopped after one source leaves every source
 * readable, new credentials go under the new key, and running it again resumes with the same key;
 * afterwards every source still opens, the old key is stored nowhere, and the rotation is audited.
 */
class DataKeyRotationTest {

    private static final MasterKeyRing RING = MasterKeyRing.of(MasterKey.fromBase64("primary",
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")); // test-config.yml's
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String SIGNING_SECRET = "whsec_RotationHooked0123456789abcdef";
    private static final String OTHER_SIGNING_SECRET = "whsec_RotationOther0123456789abcdef";

    private record Workspace(String id, String token) {
    }

    private final AtomicInteger events = new AtomicInteger();

    @Test
    void aRotationStoppedMidwayResumesWithTheSameKeyWhileTheServerKeepsWorking() throws Exception {
        onRunningServer((server, api, jdbi, stripe) -> {
            Workspace acme = workspace(api, "Acme");
            Workspace bravo = workspace(api, "Bravo");
            String plain = source(api, acme, stripe, null);
            String hooked = source(api, acme, stripe, SIGNING_SECRET);
            String other = source(api, acme, stripe, OTHER_SIGNING_SECRET);
            String bravoSource = source(api, bravo, stripe, null);
            List<String> acmeSources = List.of(plain, hooked, other);
            String oldKey = dataKey(jdbi, acme.id());
            String oldKeyId = WrappedDataKey.parse(oldKey).dataKeyId();
            String bravoKey = dataKey(jdbi, bravo.id());

            // A run stopped after its first source.
            DataKeyRotation stopped = rotation(jdbi);
            DataKeyRotation.Begun begun = stopped.begin(acme.id());
            assertThat(begun.resumed()).isFalse();
            assertThat(stopped.moveSource(hooked)).isTrue();
            assertThat(stopped.moveSource(hooked)).as("a source already under the next key is left").isFalse();
            String nextKeyId = begun.nextDataKeyId();
            assertThat(nextKeyId).isNotEqualTo(oldKeyId);
            assertThat(keyIdOf(jdbi, hooked)).isEqualTo(nextKeyId);
            assertThat(keyIdOf(jdbi, plain)).isEqualTo(oldKeyId);
            assertThat(keyIdOf(jdbi, other)).isEqualTo(oldKeyId);

            // Meanwhile the server opens each source with the key it is under...
            everySourceOpens(api, acme, acmeSources);
            webhookVerifies(server, hooked, SIGNING_SECRET);
            webhookVerifies(server, other, OTHER_SIGNING_SECRET);
            // ...and writes new credentials under the next key, so the rotation does not fall behind.
            Api.Reply patched = api.patch("/api/v1/data-sources/" + plain, acme.token(),
                    Map.of("credentials", Map.of("apiKey", stripe.addKey(KeyAccess.allReads()))));
            assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
            assertThat(keyIdOf(jdbi, plain)).isEqualTo(nextKeyId);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<DataKeyRotation.Result> resumed = RotateDataKeysCommand.execute(jdbi, RING, CLOCK, Optional.of(acme.id()),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(resumed).containsExactly(new DataKeyRotation.Result(acme.id(), oldKeyId, nextKeyId, 3, 1, true));
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Workspace " + acme.id() + ": data key " + nextKeyId
                    + " replaces " + oldKeyId + " (destroyed); 3 data source(s) under it, 1 re-encrypted by this run, which resumed");

            assertThat(WrappedDataKey.parse(dataKey(jdbi, acme.id())).dataKeyId()).isEqualTo(nextKeyId);
            String nextKey = jdbi.withHandle(handle -> handle.createQuery("SELECT next_data_key FROM workspace WHERE id = :id")
                    .bind("id", acme.id()).mapTo(String.class).one());
            assertThat(nextKey).as("no next key once the rotation is over").isNull();
            for (String source : acmeSources) {
                assertThat(keyIdOf(jdbi, source)).isEqualTo(nextKeyId);
                assertThat(credentialVersion(jdbi, source)).as("created, then re-encrypted or given new credentials").isEqualTo(2);
            }
            everySourceOpens(api, acme, acmeSources);
            webhookVerifies(server, hooked, SIGNING_SECRET);
            webhookVerifies(server, other, OTHER_SIGNING_SECRET);

            String dump = DatabaseDump.everyTable(jdbi);
            assertThat(dump).as("the dump was taken").contains(nextKeyId);
            assertThat(dump).as("the old wrapped key").doesNotContain(oldKey).doesNotContain(oldKey.substring(oldKey.lastIndexOf('.') + 1));
            assertThat(dataKey(jdbi, bravo.id())).as("another workspace's key").isEqualTo(bravoKey);

            List<Map<String, Object>> rotations = audited(jdbi, acme.id(), "data_key.rotate");
            assertThat(rotations).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("actor", DataKeyRotation.ACTOR).containsEntry("target", "workspace:" + acme.id())
                    .containsEntry("data_key", nextKeyId).containsEntry("previous_data_key", oldKeyId).containsEntry("sources", "3"));
            List<Map<String, Object>> reencryptions = audited(jdbi, acme.id(), "credential.decrypt").stream()
                    .filter(row -> DataKeyRotation.ACTOR.equals(row.get("actor"))).toList();
            assertThat(reencryptions).as("both ciphertexts of each source re-encrypted by a run (the patched one was rewritten)")
                    .extracting(row -> row.get("target") + " " + row.get("field") + " " + row.get("outcome"))
                    .containsExactlyInAnyOrder("data_source:" + hooked + " credentials ok", "data_source:" + hooked + " webhook_secret ok",
                            "data_source:" + other + " credentials ok", "data_source:" + other + " webhook_secret ok");
            Api.Reply verified = api.get("/api/v1/audit-log/verify", acme.token());
            assertThat(verified.body().get("valid").asBoolean()).as(verified.raw()).isTrue();

            // An unknown workspace is refused before anything changes.
            assertThatThrownBy(() -> RotateDataKeysCommand.execute(jdbi, RING, CLOCK, Optional.of("ws_nope"), new PrintStream(out)))
                    .isInstanceOf(CommandFailure.class).hasMessage("No workspace 'ws_nope': no data key was rotated.");
            assertThat(dataKey(jdbi, bravo.id())).isEqualTo(bravoKey);

            // Without --workspace: every workspace, each with a key of its own.
            List<DataKeyRotation.Result> all = RotateDataKeysCommand.execute(jdbi, RING, CLOCK, Optional.empty(), new PrintStream(out));
            assertThat(all).extracting(DataKeyRotation.Result::workspaceId).containsExactlyInAnyOrder(acme.id(), bravo.id());
            assertThat(all).allSatisfy(result -> assertThat(result.resumed()).isFalse());
            assertThat(dataKey(jdbi, bravo.id())).isNotEqualTo(bravoKey);
            everySourceOpens(api, acme, acmeSources);
            everySourceOpens(api, bravo, List.of(bravoSource));
        });
    }

    @Test
    void aRotationEndsAReplacedWebhookSecretsOverlapOnARunningServer() throws Exception {
        onRunningServer((server, api, jdbi, stripe) -> {
            Workspace acme = workspace(api, "Acme");
            String key = stripe.addKey(KeyAccess.allReads());
            String hooked = api.post("/api/v1/data-sources", acme.token(), Map.of("type", "stripe",
                    "credentials", Map.of("apiKey", key, "webhookSecret", SIGNING_SECRET))).body().get("id").asText();
            Api.Reply replaced = api.patch("/api/v1/data-sources/" + hooked, acme.token(),
                    Map.of("credentials", Map.of("apiKey", key, "webhookSecret", OTHER_SIGNING_SECRET)));
            assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
            webhookVerifies(server, hooked, SIGNING_SECRET); // the replaced secret, within its overlap (opened and kept by this node)
            webhookVerifies(server, hooked, OTHER_SIGNING_SECRET);

            RotateDataKeysCommand.execute(jdbi, RING, CLOCK, Optional.of(acme.id()), new PrintStream(new ByteArrayOutputStream()));

            // The replaced secret was sealed under the destroyed key: the rotation ends its overlap rather than carry it over,
            // and the running node, which had opened it, stops taking it too.
            String previous = jdbi.withHandle(handle -> handle.createQuery("SELECT previous_webhook_secret FROM data_source WHERE id = :id")
                    .bind("id", hooked).mapTo(String.class).one());
            assertThat(previous).as("no replaced secret kept after the rotation").isNull();
            String body = "{\"id\":\"evt_rotation_old\",\"object\":\"event\",\"type\":\"balance.available\",\"created\":"
                    + server.clock().instant().getEpochSecond() + ",\"data\":{\"object\":{\"object\":\"balance\"}}}";
            java.net.http.HttpResponse<String> refused = SignedWebhooks.deliver(server, "/webhooks/stripe/" + hooked, SIGNING_SECRET, body);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("webhook_signature_invalid");
            webhookVerifies(server, hooked, OTHER_SIGNING_SECRET);
        });
    }

    /** What a test does with a server whose database it also reaches directly (as the command line does). */
    private interface Scenario {
        void run(TestServer server, Api api, Jdbi jdbi, FakeStripe stripe) throws Exception;
    }

    /** A server on a PostgreSQL of the test's own, which the rotation reaches beside it, and a fake Stripe with a balance. */
    private static void onRunningServer(Scenario scenario) throws Exception {
        FakeStripeAccount account = FakeStripeAccount.create();
        account.balance(Map.of("usd", 100L), Map.of());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start(); FakeStripe stripe = FakeStripe.start(account)) {
            Map<String, String> external = Map.of("database.url", postgres.getJdbcUrl("postgres", "postgres"), "database.user", "postgres");
            Jdbi jdbi = Database.jdbi(postgres.getPostgresDatabase());
            try (TestServer server = new TestServer(stripe, false, external, TestServer.newDataDirectory()).start()) {
                scenario.run(server, server.api(), jdbi, stripe);
            }
        }
    }

    private static DataKeyRotation rotation(Jdbi jdbi) {
        AuditedEncryption audited = AuditedEncryption.open(jdbi, RING, CLOCK, DataKeyRotation.ACTOR);
        return new DataKeyRotation(jdbi, audited.encryption(), new StoredCredentials(jdbi, new CredentialVault(audited.encryption())),
                audited.audit(), CLOCK);
    }

    private static Workspace workspace(Api api, String name) {
        Api.Reply created = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", name, "plan", "builder"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new Workspace(created.body().get("id").asText(), created.body().get("apiToken").asText());
    }

    private static String source(Api api, Workspace workspace, FakeStripe stripe, String signingSecret) {
        Map<String, String> credentials = signingSecret == null ? Map.of("apiKey", stripe.addKey(KeyAccess.allReads()))
                : Map.of("apiKey", stripe.addKey(KeyAccess.allReads()), "webhookSecret", signingSecret);
        Api.Reply created = api.post("/api/v1/data-sources", workspace.token(), Map.of("type", "stripe", "credentials", credentials));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static void everySourceOpens(Api api, Workspace workspace, List<String> sources) {
        for (String source : sources) {
            Api.Reply tested = api.post("/api/v1/data-sources/" + source + "/test", workspace.token(), Map.of());
            assertThat(tested.status()).as(source + ": " + tested.raw()).isEqualTo(200);
        }
    }

    private void webhookVerifies(TestServer server, String source, String signingSecret) throws Exception {
        String body = "{\"id\":\"evt_rotation" + events.incrementAndGet() + "\",\"object\":\"event\",\"type\":\"balance.available\","
                + "\"created\":" + server.clock().instant().getEpochSecond() + ",\"data\":{\"object\":{\"object\":\"balance\"}}}";
        assertThat(SignedWebhooks.deliver(server, "/webhooks/stripe/" + source, signingSecret, body).statusCode())
                .as("a delivery signed with the source's secret").isEqualTo(200);
    }

    private static String dataKey(Jdbi jdbi, String workspaceId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT data_key FROM workspace WHERE id = :id").bind("id", workspaceId)
                .mapTo(String.class).one());
    }

    private static String keyIdOf(Jdbi jdbi, String source) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT data_key_id FROM data_source WHERE id = :id").bind("id", source)
                .mapTo(String.class).one());
    }

    private static int credentialVersion(Jdbi jdbi, String source) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT credential_version FROM data_source WHERE id = :id").bind("id", source)
                .mapTo(Integer.class).one());
    }

    private static List<Map<String, Object>> audited(Jdbi jdbi, String workspaceId, String action) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT actor, target, detail->>'field' AS field, detail->>'outcome' AS outcome, "
                        + "detail->>'data_key' AS data_key, detail->>'previous_data_key' AS previous_data_key, detail->>'sources' AS sources "
                        + "FROM audit_event WHERE workspace = :w AND action = :a ORDER BY seq")
                .bind("w", workspaceId).bind("a", action).mapToMap().list());
    }
}
