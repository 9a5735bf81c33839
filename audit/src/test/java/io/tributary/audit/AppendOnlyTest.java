package io.tributary.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The triggers refuse changes even for the tables' owner (here the superuser, triggers enabled). */
class AppendOnlyTest {

    private static Jdbi jdbi;
    private String ws;
    private AuditLog log;

    @BeforeAll
    static void database() {
        jdbi = Jdbi.create(TestDatabase.migratedDatabase());
    }

    @BeforeEach
    void twoEvents() {
        log = new AuditLog(jdbi, TestDatabase.fixedClock(), TestDatabase.MAC_KEY);
        ws = "ws_" + UUID.randomUUID();
        log.append(AuditEntry.of(ws, "admin", "data_source.create", "data_source:ds_1"));
        log.append(AuditEntry.of(ws, "admin", "data_source.delete", "data_source:ds_1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "UPDATE audit_event SET actor = 'admin' WHERE workspace = :ws",
        "DELETE FROM audit_event WHERE workspace = :ws",
        "DELETE FROM audit_event WHERE workspace = 'no such workspace'",
        "TRUNCATE audit_event",
        "TRUNCATE audit_event CASCADE",
        "DELETE FROM audit_chain_head WHERE workspace = :ws",
        "TRUNCATE audit_chain_head",
    })
    void refusesChangesOtherThanAppends(String sql) {
        List<AuditEvent> before = log.query(AuditQuery.forWorkspace(ws)).events();

        assertThatThrownBy(() -> jdbi.useHandle(h -> {
            var statement = h.createUpdate(sql);
            if (sql.contains(":ws")) {
                statement.bind("ws", ws);
            }
            statement.execute();
        }))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .hasMessageContaining("audit log is append-only");

        assertThat(log.query(AuditQuery.forWorkspace(ws)).events()).isEqualTo(before);
        assertThat(log.verify(ws).isValid()).isTrue();
    }

    @Test
    void chainHeadMayBeUpdatedBecauseTheMacProtectsIt() {
        int updated = jdbi.withHandle(h -> h.createUpdate("UPDATE audit_chain_head SET last_seq = 1 WHERE workspace = :ws")
                .bind("ws", ws).execute());

        assertThat(updated).isEqualTo(1);
        assertThat(log.verify(ws).failure()).hasValueSatisfying(f ->
                assertThat(f.problem()).isEqualTo(VerificationResult.Problem.HEAD_SEAL_INVALID));
    }
}
