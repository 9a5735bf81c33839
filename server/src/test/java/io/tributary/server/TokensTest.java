package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Several named tokens per workspace: scoped, expiring, revocable, listed without their values. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokensTest {

    private TestServer server;
    private Api api;

    @BeforeAll
    void start() {
        FakeStripeAccount account = FakeStripeAccount.create();
        account.balance(Map.of("usd", 2_500L), Map.of());
        server = new TestServer(account).start();
        api = server.api();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private record Workspace(String id, String adminToken) {
    }

    private Workspace workspace(String name) {
        JsonNode created = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", name)).body();
        return new Workspace(created.get("id").asText(), created.get("apiToken").asText());
    }

    private String blockOf(Workspace workspace) {
        String source = api.post("/api/v1/data-sources", workspace.adminToken(), Map.of("type", "stripe",
                "credentials", Map.of("apiKey", server.stripe().addKey(KeyAccess.allReads())))).body().get("id").asText();
        return api.post("/api/v1/blocks", workspace.adminToken(), Map.of("binding", Map.of("dataSourceId", source,
                "queryConfig", Map.of("type", "stripe.balance"),
                "projection", Map.of("fields", Map.of("value", Map.of("source", "available_cents")))))).body().get("id").asText();
    }

    private Api.Reply issue(Workspace workspace, String bearer, Map<String, Object> request) {
        return api.post("/api/v1/workspaces/" + workspace.id() + "/tokens", bearer, request);
    }

    @Test
    void aReadTokenReadsBlocksAndNothingElse() {
        Workspace workspace = workspace("Display");
        String block = blockOf(workspace);
        Api.Reply issued = issue(workspace, workspace.adminToken(), Map.of("name", "office screen", "scope", "read"));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        assertThat(issued.body().get("scope").asText()).isEqualTo("read");
        String read = issued.body().get("token").asText();
        assertThat(read).startsWith("trb_tok");

        assertThat(api.get("/api/v1/blocks", read).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/blocks/" + block, read).body().at("/widget/data/value").asLong()).isEqualTo(2_500);
        for (Api.Reply refused : List.of(
                api.post("/api/v1/blocks/" + block + "/refresh", read, Map.of()),
                api.delete("/api/v1/blocks/" + block, read),
                api.get("/api/v1/data-sources", read),
                api.get("/api/v1/audit-log", read),
                api.get("/api/v1/workspaces/" + workspace.id() + "/tokens", read),
                issue(workspace, read, Map.of("name", "escalate", "scope", "admin")),
                api.post("/api/v1/query", read, Map.of("dataSourceId", "ds_x", "type", "stripe.balance", "params", Map.of())))) {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("insufficient_scope");
        }
        assertThat(api.get("/api/v1/blocks/" + block, workspace.adminToken()).status()).as("the block is still there").isEqualTo(200);
    }

    @Test
    void tokensAreListedWithoutTheirValuesAndARevokedOneStopsAtOnce() {
        Workspace workspace = workspace("Listed");
        String second = issue(workspace, workspace.adminToken(), Map.of("name", "ci", "scope", "admin")).body().get("token").asText();
        assertThat(api.get("/api/v1/workspaces/" + workspace.id(), second).status()).isEqualTo(200);

        Api.Reply listed = api.get("/api/v1/workspaces/" + workspace.id() + "/tokens", workspace.adminToken());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).hasSize(2);
        assertThat(listed.body().findValuesAsText("name")).containsExactlyInAnyOrder("default", "ci");
        assertThat(listed.raw()).doesNotContain(second).doesNotContain(workspace.adminToken()).doesNotContain("\"token\"");
        String secondId = byName(listed.body(), "ci").get("id").asText();
        assertThat(second).contains(secondId);

        assertThat(api.delete("/api/v1/workspaces/" + workspace.id() + "/tokens/" + secondId, workspace.adminToken()).status()).isEqualTo(204);
        Api.Reply afterRevoke = api.get("/api/v1/workspaces/" + workspace.id(), second);
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/workspaces/" + workspace.id() + "/tokens/" + secondId, workspace.adminToken()).status()).isEqualTo(404);
        assertThat(actions(workspace.id())).contains("token.create", "token.revoke");
    }

    @Test
    void anExpiredTokenIsRefusedAndItsUseAudited() {
        Workspace workspace = workspace("Expiring");
        Instant expiry = server.clock().instant().plus(Duration.ofHours(1));
        Api.Reply issued = issue(workspace, workspace.adminToken(), Map.of("name", "contractor", "scope", "admin",
                "expiresAt", expiry.toString()));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        String token = issued.body().get("token").asText();
        assertThat(api.get("/api/v1/workspaces/" + workspace.id(), token).status()).isEqualTo(200);

        server.clock().advance(Duration.ofHours(2));
        for (int i = 0; i < 3; i++) {
            Api.Reply refused = api.get("/api/v1/workspaces/" + workspace.id(), token);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.errorCode()).isEqualTo("token_expired");
        }
        assertThat(actions(workspace.id()).stream().filter("token.expired_use"::equals)).as("audited once a minute, not per use").hasSize(1);
        JsonNode listed = api.get("/api/v1/workspaces/" + workspace.id() + "/tokens", workspace.adminToken()).body();
        assertThat(byName(listed, "contractor").get("expired").asBoolean()).isTrue();
        assertThat(byName(listed, "default").get("expired").asBoolean()).isFalse();

        Api.Reply past = issue(workspace, workspace.adminToken(), Map.of("name", "late", "scope", "read",
                "expiresAt", server.clock().instant().minusSeconds(1).toString()));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.errorField()).isEqualTo("expiresAt");
    }

    @Test
    void lastUseIsKeptToTheMinute() {
        Workspace workspace = workspace("Used");
        api.get("/api/v1/workspaces/" + workspace.id(), workspace.adminToken());
        String first = lastUsed(workspace);
        assertThat(first).isNotEmpty();
        api.get("/api/v1/workspaces/" + workspace.id(), workspace.adminToken());
        assertThat(lastUsed(workspace)).as("written at most once a minute").isEqualTo(first);
        server.clock().advance(Duration.ofMinutes(2));
        api.get("/api/v1/workspaces/" + workspace.id(), workspace.adminToken());
        assertThat(Instant.parse(lastUsed(workspace))).isAfter(Instant.parse(first));
    }

    @Test
    void theAdminCanIssueAWorkspaceThatLostEveryTokenANewOne() {
        Workspace workspace = workspace("Locked out");
        String onlyId = api.get("/api/v1/workspaces/" + workspace.id() + "/tokens", workspace.adminToken()).body().get(0).get("id").asText();
        assertThat(api.delete("/api/v1/workspaces/" + workspace.id() + "/tokens/" + onlyId, workspace.adminToken()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/workspaces/" + workspace.id(), workspace.adminToken()).status()).isEqualTo(401);

        Api.Reply recovered = issue(workspace, TestServer.ADMIN_TOKEN, Map.of("name", "recovery", "scope", "admin"));
        assertThat(recovered.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/workspaces/" + workspace.id(), recovered.body().get("token").asText()).status()).isEqualTo(200);
    }

    @Test
    void anotherWorkspacesTokensAreNotFoundAndBadRequestsAreRefused() {
        Workspace mine = workspace("Mine");
        Workspace theirs = workspace("Theirs");
        assertThat(api.get("/api/v1/workspaces/" + theirs.id() + "/tokens", mine.adminToken()).status()).isEqualTo(404);
        assertThat(issue(theirs, mine.adminToken(), Map.of("name", "x", "scope", "admin")).status()).isEqualTo(404);
        String theirId = api.get("/api/v1/workspaces/" + theirs.id() + "/tokens", theirs.adminToken()).body().get(0).get("id").asText();
        assertThat(api.delete("/api/v1/workspaces/" + mine.id() + "/tokens/" + theirId, mine.adminToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/workspaces/" + theirs.id(), theirs.adminToken()).status()).as("untouched").isEqualTo(200);

        assertThat(issue(mine, mine.adminToken(), Map.of("name", "x")).errorField()).isEqualTo("scope");
        assertThat(issue(mine, mine.adminToken(), Map.of("name", "x", "scope", "owner")).status()).isEqualTo(422);
        assertThat(issue(mine, mine.adminToken(), Map.of("scope", "read")).errorField()).isEqualTo("name");
        assertThat(issue(mine, mine.adminToken(), Map.of("name", "x", "scope", "read", "ttl", 5)).errorCode()).isEqualTo("unknown_field");
    }

    @Test
    void aRevocationHoldsOnEveryNode() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start(); FakeStripe stripe = FakeStripe.start(FakeStripeAccount.create())) {
            Map<String, String> shared = Map.of("database.url", postgres.getJdbcUrl("postgres", "postgres"), "database.user", "postgres");
            try (TestServer first = new TestServer(stripe, false, shared, TestServer.newDataDirectory()).start();
                 TestServer second = new TestServer(stripe, false, shared, TestServer.newDataDirectory()).start()) {
                JsonNode created = first.api().post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Cluster")).body();
                String workspaceId = created.get("id").asText();
                String admin = created.get("apiToken").asText();
                JsonNode issued = first.api().post("/api/v1/workspaces/" + workspaceId + "/tokens", admin,
                        Map.of("name", "roaming", "scope", "admin")).body();
                String roaming = issued.get("token").asText();
                assertThat(second.api().get("/api/v1/workspaces/" + workspaceId, roaming).status()).isEqualTo(200);

                assertThat(first.api().delete("/api/v1/workspaces/" + workspaceId + "/tokens/" + issued.get("id").asText(), admin)
                        .status()).isEqualTo(204);
                assertThat(second.api().get("/api/v1/workspaces/" + workspaceId, roaming).status()).as("the other node's next request")
                        .isEqualTo(401);
            }
        }
    }

    private static JsonNode byName(JsonNode tokens, String name) {
        for (JsonNode token : tokens) {
            if (token.get("name").asText().equals(name)) {
                return token;
            }
        }
        throw new AssertionError("no token named " + name + " in " + tokens);
    }

    private String lastUsed(Workspace workspace) {
        return api.get("/api/v1/workspaces/" + workspace.id() + "/tokens", TestServer.ADMIN_TOKEN).body().get(0).path("lastUsedAt").asText();
    }

    private List<String> actions(String workspaceId) {
        return server.database().withHandle(handle -> handle.createQuery("SELECT action FROM audit_event WHERE workspace = :w ORDER BY seq")
                .bind("w", workspaceId).mapTo(String.class).list());
    }
}
