package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.connector.stripe.fake.FakeStripePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Workspaces and data sources end to end: a real server, an embedded PostgreSQL, a fake Stripe. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickStartFlowTest {

    private TestServer server;
    private Api api;
    private String goodKey;

    @BeforeAll
    void start() {
        server = new TestServer(FakeStripeAccount.create()).start();
        api = server.api();
        goodKey = server.stripe().addKey(KeyAccess.allReads());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String newWorkspace(String plan) {
        Api.Reply created = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Acme", "plan", plan));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("apiToken").asText();
    }

    private Api.Reply createStripeSource(String token, String key) {
        return api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "label", "Main account",
                "credentials", Map.of("apiKey", key), "cadenceMinutes", 15));
    }

    private Jdbi database() {
        return server.database();
    }

    @Test
    void aWorkspaceIsCreatedByTheAdminAndItsTokenIsShownOnce() {
        Api.Reply created = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Acme Inc", "plan", "free"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        String token = created.body().get("apiToken").asText();
        assertThat(id).startsWith("ws_");
        assertThat(token).startsWith("trb_tok");
        Api.Reply read = api.get("/api/v1/workspaces/" + id, token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("name").asText()).isEqualTo("Acme Inc");
        assertThat(read.body().has("apiToken")).isFalse();
        int plainTokens = database().withHandle(handle -> handle.createQuery("SELECT count(*) FROM api_token WHERE encode(secret_hash, 'escape') LIKE :t")
                .bind("t", "%" + token.substring(token.lastIndexOf('_') + 1) + "%").mapTo(Integer.class).one());
        assertThat(plainTokens).isZero();
    }

    @Test
    void onlyTheAdminCreatesWorkspacesAndChangesPlans() {
        String token = newWorkspace("free");
        assertThat(api.post("/api/v1/workspaces", token, Map.of("name", "Sneaky")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/workspaces", null, Map.of("name", "Anonymous")).status()).isEqualTo(401);
        String id = workspaceId(token);
        Api.Reply planChange = api.patch("/api/v1/workspaces/" + id, token, Map.of("plan", "builder"));
        assertThat(planChange.status()).isEqualTo(403);
        assertThat(planChange.errorField()).isEqualTo("plan");
        assertThat(api.patch("/api/v1/workspaces/" + id, token, Map.of("name", "Renamed")).body().get("name").asText()).isEqualTo("Renamed");
        assertThat(api.patch("/api/v1/workspaces/" + id, TestServer.ADMIN_TOKEN, Map.of("plan", "builder")).body().get("plan").asText())
                .isEqualTo("builder");
        assertThat(api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "X", "plan", "platinum")).errorField()).isEqualTo("plan");
    }

    @Test
    void aStripeDataSourceIsValidatedStoredEncryptedAndShownOnlyAsAHint() {
        String token = newWorkspace("free");
        Api.Reply created = createStripeSource(token, goodKey);

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("id").asText()).startsWith("ds_");
        assertThat(created.body().get("mode").asText()).isEqualTo("cron");
        assertThat(created.body().get("status").asText()).isEqualTo("active");
        assertThat(created.body().get("cadenceMinutes").asInt()).isEqualTo(15);
        assertThat(created.body().get("livemode").asBoolean()).isFalse();
        assertThat(created.body().get("accountId").asText()).isEqualTo(server.stripe().account().id());
        assertThat(created.body().at("/credentials/apiKey/kind").asText()).isEqualTo("rk_test_");
        assertThat(created.body().at("/credentials/apiKey/last4").asText()).isEqualTo(goodKey.substring(goodKey.length() - 4));
        assertThat(created.body().get("webhookUrl").asText()).endsWith("/webhooks/stripe/" + created.body().get("id").asText());
        assertThat(created.body().get("permissions")).isNotEmpty();
        assertThat(created.raw()).doesNotContain(goodKey);
        String stored = database().withHandle(handle -> handle.createQuery("SELECT credentials || credential_hints::text FROM data_source WHERE id = :id")
                .bind("id", created.body().get("id").asText()).mapTo(String.class).one());
        assertThat(stored).doesNotContain(goodKey).doesNotContain(goodKey.substring(8));
    }

    @Test
    void aWebhookSecretMakesThePushMode() {
        String token = newWorkspace("free");
        Api.Reply created = api.post("/api/v1/data-sources", token, Map.of("type", "stripe",
                "credentials", Map.of("apiKey", goodKey, "webhookSecret", "whsec_0123456789abcdefghij")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("mode").asText()).isEqualTo("push");
        assertThat(created.body().get("cadenceMinutes").asInt()).isEqualTo(60);
        assertThat(created.body().get("label").asText()).isEqualTo("Stripe");
        assertThat(created.body().at("/credentials/webhookSecret/kind").asText()).isEqualTo("whsec_");
        assertThat(created.body().at("/credentials/webhookSecret/last4").asText()).isEqualTo("ghij");
    }

    @Test
    void badCredentialsAreRefusedWithAStableCodeAndNothingIsStored() {
        String token = newWorkspace("free");
        Api.Reply malformed = createStripeSource(token, "pk_test_0123456789abcdef");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.errorCode()).isEqualTo("invalid_credentials");
        assertThat(malformed.errorField()).isEqualTo("credentials.apiKey");
        assertThat(malformed.raw()).doesNotContain("pk_test_0123456789abcdef");

        String revoked = server.stripe().addKey(KeyAccess.revoked());
        Api.Reply rejected = createStripeSource(token, revoked);
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.errorCode()).isEqualTo("invalid_credentials");
        assertThat(rejected.raw()).doesNotContain(revoked);
        assertThat(api.get("/api/v1/data-sources", token).body().get("dataSources")).isEmpty();
    }

    @Test
    void theFreePlanAllowsOneStripeSourceAndTheBuilderPlanLiftsTheCap() {
        String token = newWorkspace("free");
        assertThat(createStripeSource(token, goodKey).status()).isEqualTo(201);
        Api.Reply second = createStripeSource(token, goodKey);
        assertThat(second.status()).isEqualTo(402);
        assertThat(second.errorCode()).isEqualTo("plan_limit_exceeded");

        api.patch("/api/v1/workspaces/" + workspaceId(token), TestServer.ADMIN_TOKEN, Map.of("plan", "builder"));
        assertThat(createStripeSource(token, goodKey).status()).isEqualTo(201);
    }

    @Test
    void twoSimultaneousCreatesOnAFreeWorkspaceGiveExactlyOne201() throws Exception {
        for (int round = 0; round < 3; round++) {
            String token = newWorkspace("free");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Integer>> creates = List.of(() -> createStripeSource(token, goodKey).status(),
                        () -> createStripeSource(token, goodKey).status());
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> result : pool.invokeAll(creates)) {
                    statuses.add(result.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(201, 402);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void anotherWorkspacesSourceAnswers404ForEveryMethod() {
        String owner = newWorkspace("free");
        String stranger = newWorkspace("free");
        String id = createStripeSource(owner, goodKey).body().get("id").asText();

        assertThat(api.get("/api/v1/data-sources/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/data-sources/" + id, stranger, Map.of("label", "Mine")).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/data-sources/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/data-sources/" + id + "/test", stranger, Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/workspaces/" + workspaceId(owner), stranger).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/data-sources/" + id, owner).status()).isEqualTo(200);
    }

    @Test
    void patchChangesLabelAndCadenceAndRefusesOthers() {
        String token = newWorkspace("free");
        String id = createStripeSource(token, goodKey).body().get("id").asText();

        Api.Reply patched = api.patch("/api/v1/data-sources/" + id, token, Map.of("label", "Renamed", "cadenceMinutes", 1440));
        assertThat(patched.body().get("label").asText()).isEqualTo("Renamed");
        assertThat(patched.body().get("cadenceMinutes").asInt()).isEqualTo(1440);
        Api.Reply bad = api.patch("/api/v1/data-sources/" + id, token, Map.of("cadenceMinutes", 7));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorField()).isEqualTo("cadenceMinutes");
        Api.Reply wrongType = api.patch("/api/v1/data-sources/" + id, token, "{\"cadenceMinutes\": \"often\"}");
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.errorField()).isEqualTo("cadenceMinutes");
        assertThat(api.patch("/api/v1/data-sources/" + id, token, "{not json").errorCode()).isEqualTo("invalid_json");
    }

    @Test
    void testingARevokedKeyPutsTheSourceInErrorAndNewCredentialsBringItBack() {
        String token = newWorkspace("builder");
        String key = server.stripe().addKey(KeyAccess.allReads());
        String id = createStripeSource(token, key).body().get("id").asText();
        assertThat(api.post("/api/v1/data-sources/" + id + "/test", token, Map.of()).status()).isEqualTo(200);

        server.stripe().revokeKey(key);
        Api.Reply failed = api.post("/api/v1/data-sources/" + id + "/test", token, Map.of());
        assertThat(failed.status()).isEqualTo(422);
        assertThat(failed.errorCode()).isEqualTo("invalid_credentials");
        Api.Reply inError = api.get("/api/v1/data-sources/" + id, token);
        assertThat(inError.body().get("status").asText()).isEqualTo("error");
        assertThat(inError.body().get("lastErrorMessage").asText()).contains("refused the API key");

        Api.Reply fixed = api.patch("/api/v1/data-sources/" + id, token, Map.of("credentials", Map.of("apiKey", goodKey)));
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(fixed.body().get("status").asText()).isEqualTo("active");
        assertThat(fixed.body().get("lastErrorMessage").isNull()).isTrue();
    }

    @Test
    void aKeyMissingAPermissionIsAcceptedAndReportsWhatItCannotServe() {
        String token = newWorkspace("free");
        Api.Reply created = createStripeSource(token, server.stripe().addKey(KeyAccess.allReadsExcept(FakeStripePermission.SUBSCRIPTION)));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("permissions")).anySatisfy(permission -> {
            assertThat(permission.get("id").asText()).isEqualTo("stripe.mrr");
            assertThat(permission.get("available").asBoolean()).isFalse();
            assertThat(permission.get("missingPermission").asText()).isEqualTo("Subscriptions: Read");
        });
    }

    @Test
    void everyDecryptionIsAuditedWithWhoAsked() {
        String token = newWorkspace("free");
        String id = createStripeSource(token, goodKey).body().get("id").asText();
        String workspace = workspaceId(token);
        String tokenActor = "token:" + token.substring(4, token.lastIndexOf('_'));

        api.post("/api/v1/data-sources/" + id + "/test", token, Map.of());
        api.post("/api/v1/data-sources/" + id + "/test", token, Map.of());

        List<Map<String, Object>> decryptions = database().withHandle(handle -> handle.createQuery(
                        "SELECT actor, target FROM audit_event WHERE workspace = :w AND action = 'credential.decrypt'")
                .bind("w", workspace).mapToMap().list());
        assertThat(decryptions).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("actor")).isEqualTo(tokenActor);
            assertThat(row.get("target")).isEqualTo("data_source:" + id);
        });
        int creations = database().withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM audit_event WHERE workspace = :w AND action = 'data_source.create'")
                .bind("w", workspace).mapTo(Integer.class).one());
        assertThat(creations).isEqualTo(1);
    }

    @Test
    void deletingASourceRemovesIt() {
        String token = newWorkspace("free");
        String id = createStripeSource(token, goodKey).body().get("id").asText();

        assertThat(api.delete("/api/v1/data-sources/" + id, token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/data-sources/" + id, token).status()).isEqualTo(404);
        assertThat(createStripeSource(token, goodKey).status()).as("the free plan's one slot is free again").isEqualTo(201);
    }

    @Test
    void errorsAlwaysHaveTheOneShape() {
        String token = newWorkspace("free");
        Api.Reply unknownPath = api.get("/api/v1/nothing-here", token);
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.errorCode()).isEqualTo("not_found");
        Api.Reply wrongMethod = api.send("PUT", "/api/v1/connectors", token, Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.errorCode()).isEqualTo("method_not_allowed");
        Api.Reply noType = api.post("/api/v1/data-sources", token, Map.of("credentials", Map.of("apiKey", goodKey)));
        assertThat(noType.status()).isEqualTo(422);
        assertThat(noType.errorField()).isEqualTo("type");
        Api.Reply tooLarge = api.post("/api/v1/data-sources", token, "{\"label\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.errorCode()).isEqualTo("request_too_large");
        for (Api.Reply reply : List.of(unknownPath, wrongMethod, noType, tooLarge)) {
            assertThat(reply.raw()).doesNotContain("Exception").doesNotContain("at io.");
        }
    }

    @Test
    void theConnectorsAreListedAsData() {
        Api.Reply connectors = api.get("/api/v1/connectors", newWorkspace("free"));
        assertThat(connectors.status()).isEqualTo(200);
        assertThat(connectors.body().get("connectors")).anySatisfy(connector -> {
            assertThat(connector.get("typeId").asText()).isEqualTo("stripe");
            assertThat(connector.get("queryTypes")).isNotEmpty();
            assertThat(connector.get("streams")).hasSize(24);
        });
    }

    @Test
    void healthChecksOnTheAdminPortCoverDatabaseSchedulerAndMasterKey() {
        Api.Reply health = server.admin().get("/healthcheck", null);

        assertThat(health.status()).as(health.raw()).isEqualTo(200);
        for (String check : List.of("database", "scheduler", "master-key")) {
            assertThat(health.body().at("/" + check + "/healthy").asBoolean()).as(check).isTrue();
        }
    }

    private String workspaceId(String token) {
        // The token's workspace: the one workspace it may read.
        return database().withHandle(handle -> handle.createQuery("SELECT workspace_id FROM api_token WHERE id = :id")
                .bind("id", token.substring(4, token.lastIndexOf('_'))).mapTo(String.class).one());
    }
}
