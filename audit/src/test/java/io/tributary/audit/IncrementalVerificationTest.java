package io.tributary.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.audit.VerificationResult.Problem;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A verified prefix is remembered, sealed: the next verification reads only what came after it. */
class IncrementalVerificationTest {

    private static Jdbi jdbi;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    private AuditLog log;
    private String ws;

    @BeforeAll
    static void database() {
        jdbi = Jdbi.create(TestDatabase.migratedDatabase());
    }

    @BeforeEach
    void chain() {
        log = new AuditLog(jdbi, clock, TestDatabase.MAC_KEY);
        ws = "ws_" + UUID.randomUUID();
        append(100);
    }

    private void append(int events) {
        for (int i = 0; i < events; i++) {
            log.append(new AuditEntry(ws, "admin", "data_source.update", "data_source:ds_1", Map.of("n", "" + i)));
        }
    }

    @Test
    void theSecondVerificationReadsOnlyTheNewRows() {
        VerificationResult first = log.verify(ws);
        assertThat(first.isValid()).isTrue();
        assertThat(first.rowsRead()).isEqualTo(100);

        append(10);
        VerificationResult second = log.verify(ws);
        assertThat(second.isValid()).isTrue();
        assertThat(second.rowsChecked()).isEqualTo(110);
        assertThat(second.rowsRead()).isEqualTo(10);
        assertThat(log.verify(ws).rowsRead()).as("nothing new").isZero();
    }

    @Test
    void newRowsAreStillCheckedAgainstTheirPredecessorAndTheHead() {
        log.verify(ws);
        append(3);
        TestDatabase.asAttacker(jdbi, h -> h.createUpdate("UPDATE audit_event SET actor = 'nobody' WHERE workspace = :ws AND seq = 102")
                .bind("ws", ws).execute());

        VerificationResult result = log.verify(ws);
        assertThat(result.failure().orElseThrow().problem()).isEqualTo(Problem.HASH_MISMATCH);
        assertThat(result.failure().orElseThrow().seq()).isEqualTo(102);
        assertThat(result.rowsRead()).isEqualTo(2);
    }

    @Test
    void aForgedPrefixIsIgnoredAndTheWholeChainRead() {
        log.verify(ws);
        TestDatabase.asAttacker(jdbi, h -> h.createUpdate("UPDATE audit_event SET actor = 'nobody' WHERE workspace = :ws AND seq = 40")
                .bind("ws", ws).execute());
        // An attacker who edited an old row pushes the prefix past... nothing: a prefix with a MAC they cannot compute.
        jdbi.useHandle(h -> h.createUpdate("UPDATE audit_verified SET mac = decode(repeat('00', 32), 'hex') WHERE workspace = :ws")
                .bind("ws", ws).execute());
        VerificationResult result = log.verify(ws);
        assertThat(result.failure().orElseThrow().problem()).isEqualTo(Problem.HASH_MISMATCH);
        assertThat(result.failure().orElseThrow().seq()).isEqualTo(40);
    }

    @Test
    void anOldRowEditedAfterTheLastVerificationShowsInAFullVerification() {
        log.verify(ws);
        TestDatabase.asAttacker(jdbi, h -> h.createUpdate("UPDATE audit_event SET actor = 'nobody' WHERE workspace = :ws AND seq = 40")
                .bind("ws", ws).execute());
        assertThat(log.verify(ws).isValid()).as("the incremental check trusts the sealed prefix").isTrue();
        VerificationResult full = log.verifyFully(ws, Optional.empty());
        assertThat(full.failure().orElseThrow().seq()).isEqualTo(40);
        assertThat(full.rowsRead()).isEqualTo(40);
    }

    @Test
    void aRecomputedChainBreaksThePrefixAndIsCaught() {
        log.verify(ws);
        // Rewriting the row the prefix ends at (with every hash after it recomputed) no longer matches the sealed prefix.
        TestDatabase.asAttacker(jdbi, h -> h.createUpdate("UPDATE audit_event SET hash = decode(repeat('11', 32), 'hex') "
                + "WHERE workspace = :ws AND seq = 100").bind("ws", ws).execute());
        VerificationResult result = log.verify(ws);
        assertThat(result.isValid()).isFalse();
        assertThat(result.rowsRead()).as("read whole again").isEqualTo(100);
    }
}
