package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.audit.VerificationResult;
import io.tributary.audit.VerificationResult.Problem;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The chains' heads go to a file outside the database at shutdown (and hourly), so someone with
 * the database's owner rights who rolls a chain back to an older, genuinely sealed head, or deletes
 * a chain whole, is caught: by the API's verify, by the next start-up, and by verify-audit.
 */
class AuditAnchorsTest {

    @Test
    void aRolledBackOrDeletedChainIsCaughtAgainstTheAnchorsAndNeverAnchoredAsItNowIs() throws Exception {
        Path data = TestServer.newDataDirectory();
        Path anchors = data.resolve("audit-anchors.jsonl");
        try (FakeStripe stripe = FakeStripe.start(FakeStripeAccount.create())) {
            String rolledBack;
            String rolledBackToken;
            String deleted;
            String deletedToken;
            Map<String, Object> olderHead;
            try (TestServer first = new TestServer(stripe, false, Map.of(), data).start()) {
                Api api = first.api();
                JsonNode one = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Rolled back")).body();
                rolledBack = one.get("id").asText();
                rolledBackToken = one.get("apiToken").asText();
                JsonNode two = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Deleted")).body();
                deleted = two.get("id").asText();
                deletedToken = two.get("apiToken").asText();
                olderHead = head(first.database(), rolledBack);
                // What the attacker wants gone: a token issued after the head they saved.
                api.post("/api/v1/workspaces/" + rolledBack + "/tokens", rolledBackToken, Map.of("name", "backdoor", "scope", "admin"));
                assertThat(api.get("/api/v1/audit-log/verify", rolledBackToken).body().get("valid").asBoolean()).isTrue();
            }
            assertThat(Files.readAllLines(anchors)).as("every chain anchored at shutdown").anyMatch(line -> line.contains(rolledBack))
                    .anyMatch(line -> line.contains(deleted)).anyMatch(line -> line.contains("\"_server\""));
            assertThat(runVerifyAudit(data)).as("verify-audit on the untouched database").contains("all intact")
                    .contains("ok       " + rolledBack);

            try (TestServer second = new TestServer(stripe, false, Map.of(), data).start()) {
                asOwner(second.database(), handle -> {
                    handle.createUpdate("DELETE FROM audit_event WHERE workspace = :ws AND seq > :seq")
                            .bind("ws", rolledBack).bind("seq", olderHead.get("last_seq")).execute();
                    handle.createUpdate("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash, key_id = :key, mac = :mac "
                            + "WHERE workspace = :ws").bind("seq", olderHead.get("last_seq")).bind("hash", olderHead.get("last_hash"))
                            .bind("key", olderHead.get("key_id")).bind("mac", olderHead.get("mac")).bind("ws", rolledBack).execute();
                    for (String table : List.of("audit_event", "audit_chain_head", "audit_verified")) {
                        handle.createUpdate("DELETE FROM " + table + " WHERE workspace = :ws").bind("ws", deleted).execute();
                    }
                });
                Api api = second.api();
                JsonNode rolled = api.get("/api/v1/audit-log/verify", rolledBackToken).body();
                assertThat(rolled.get("valid").asBoolean()).isFalse();
                assertThat(rolled.get("problem").asText()).isEqualTo("rolled_back");
                JsonNode missing = api.get("/api/v1/audit-log/verify", deletedToken).body();
                assertThat(missing.get("problem").asText()).isEqualTo("chain_missing");
            }
            // That server's shutdown anchored what verified, and not the two damaged chains as they now are.
            try (TestServer third = new TestServer(stripe, false, Map.of(), data).start()) {
                List<VerificationResult> atStart = ((TributaryApplication) third.app().getApplication()).auditAnchoring().startupResults();
                assertThat(problemOf(atStart, rolledBack)).isEqualTo(Problem.ROLLED_BACK);
                assertThat(problemOf(atStart, deleted)).isEqualTo(Problem.CHAIN_MISSING);
                assertThat(atStart.stream().filter(result -> result.workspace().equals("_server")).findFirst().orElseThrow().isValid())
                        .as("the server's own chain is verified at start-up too").isTrue();

                JsonNode serverChain = third.api().get("/api/v1/audit-log?limit=200", TestServer.ADMIN_TOKEN).body();
                assertThat(serverChain.get("events").findValuesAsText("actor")).as("the admin reads the server's own chain")
                        .contains("system:startup");
                assertThat(third.api().get("/api/v1/audit-log/verify", TestServer.ADMIN_TOKEN).body().get("valid").asBoolean()).isTrue();
            }
            assertThat(runVerifyAuditExpectingFailure(data)).isFalse();
        }
    }

    private static Problem problemOf(List<VerificationResult> results, String workspace) {
        return results.stream().filter(result -> result.workspace().equals(workspace)).findFirst().orElseThrow()
                .failure().orElseThrow().problem();
    }

    private static Map<String, Object> head(Jdbi database, String workspace) {
        return database.withHandle(handle -> handle.createQuery("SELECT last_seq, last_hash, key_id, mac FROM audit_chain_head WHERE workspace = :ws")
                .bind("ws", workspace).mapToMap().one());
    }

    /** As the tables' owner could: the append-only triggers off for one transaction. */
    private static void asOwner(Jdbi database, java.util.function.Consumer<Handle> changes) {
        database.useTransaction(handle -> {
            handle.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            handle.execute("ALTER TABLE audit_chain_head DISABLE TRIGGER USER");
            changes.accept(handle);
            handle.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
            handle.execute("ALTER TABLE audit_chain_head ENABLE TRIGGER USER");
        });
    }

    /** {@code verify-audit} as bin/tributary runs it, against the stopped server's embedded database and anchors. */
    private static String runVerifyAudit(Path data) throws Exception {
        Path config = commandConfig(data);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new TributaryApplication().run("verify-audit", config.toString());
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** The command's check itself, on a damaged database (the command would exit the JVM with 1). */
    private static boolean runVerifyAuditExpectingFailure(Path data) throws Exception {
        Path config = commandConfig(data);
        io.dropwizard.configuration.YamlConfigurationFactory<io.tributary.server.config.TributaryConfiguration> factory =
                new io.dropwizard.configuration.YamlConfigurationFactory<>(io.tributary.server.config.TributaryConfiguration.class,
                        null, io.dropwizard.jackson.Jackson.newObjectMapper(), "dw");
        io.tributary.server.config.TributaryConfiguration configuration = factory.build(config.toFile());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        boolean intact = VerifyAuditCommand.check(configuration, false, new PrintStream(captured, true, StandardCharsets.UTF_8));
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("FAILED").contains("ROLLED_BACK").contains("CHAIN_MISSING");
        return intact;
    }

    private static Path commandConfig(Path data) throws Exception {
        Path config = data.resolve("command.yml");
        Files.writeString(config, """
                database:
                  allowEmbedded: true
                  embeddedDataDirectory: %s
                  embeddedSecretsFile: %s
                security:
                  masterKey: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
                  adminToken: "test-admin-token-0123456789abcdef"
                audit:
                  anchorFile: %s
                logging:
                  level: WARN
                """.formatted(data.resolve("postgres"), data.resolve("dev-secrets.properties"), data.resolve("audit-anchors.jsonl")));
        return config;
    }
}
