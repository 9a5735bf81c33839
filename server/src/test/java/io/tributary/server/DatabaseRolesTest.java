package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.stripe.fake.FakeStripeAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.util.PSQLException;

/**
 * The server runs as a role that cannot rewrite the audit history: PostgreSQL itself refuses every
 * way of changing or removing what was appended. The embedded database takes passwords only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseRolesTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private TestServer server;

    @BeforeAll
    void start() {
        server = new TestServer(FakeStripeAccount.create()).start();
        Api.Reply created = server.api().post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Audited"));
        assertThat(created.status()).as("the server works as its own role").isEqualTo(201);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theApplicationRoleCannotChangeOrRemoveTheAuditHistory() {
        Jdbi app = server.databaseAsApp();
        String role = app.withHandle(handle -> handle.createQuery("SELECT current_user").mapTo(String.class).one());
        assertThat(role).isEqualTo("tributary_app");
        long events = app.withHandle(handle -> handle.createQuery("SELECT count(*) FROM audit_event").mapTo(Long.class).one());
        assertThat(events).as("it reads the log").isPositive();

        List<String> attacks = List.of(
                "UPDATE audit_event SET actor = 'nobody'",
                "DELETE FROM audit_event",
                "TRUNCATE audit_event",
                "ALTER TABLE audit_event DISABLE TRIGGER ALL",
                "ALTER TABLE audit_event DISABLE TRIGGER audit_event_refuse_update_delete",
                "DROP TRIGGER audit_event_refuse_update_delete ON audit_event",
                "DROP TRIGGER audit_event_refuse_truncate ON audit_event",
                "DELETE FROM audit_chain_head",
                "TRUNCATE audit_chain_head",
                "ALTER TABLE audit_chain_head DISABLE TRIGGER ALL",
                "DROP TRIGGER audit_chain_head_refuse_delete ON audit_chain_head",
                "DROP TABLE audit_event",
                "ALTER TABLE audit_event RENAME TO audit_event_old",
                "CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$",
                "DELETE FROM flyway_audit_history",
                "TRUNCATE workspace");
        for (String attack : attacks) {
            assertThatThrownBy(() -> app.useHandle(handle -> handle.execute(attack))).as(attack)
                    .hasRootCauseInstanceOf(PSQLException.class)
                    .satisfies(thrown -> assertThat(((SQLException) rootCause(thrown)).getSQLState()).as(attack + ": " + thrown.getMessage())
                            .isEqualTo(INSUFFICIENT_PRIVILEGE));
        }
        assertThat(server.api().get("/api/v1/audit-log/verify", TestServer.ADMIN_TOKEN).status()).isNotEqualTo(500);
    }

    @Test
    void theEmbeddedDatabaseTakesPasswordsOnlyAndItsSecretsFileIsTheOwnersAlone() throws Exception {
        Path secrets = server.dataDirectory().resolve("dev-secrets.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        String url = server.databaseUrl();
        for (String user : List.of("postgres", "tributary_owner", "tributary_app")) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, user, "")).as(user + " without a password")
                    .isInstanceOf(PSQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, user, "guessed-password-0123456789")).as(user + " with a wrong one")
                    .isInstanceOf(PSQLException.class).hasMessageContaining("password authentication failed");
        }
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
