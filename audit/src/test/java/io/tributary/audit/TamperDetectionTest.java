package io.tributary.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.audit.VerificationResult.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mutation matrix: an attacker with superuser access to the database disables the triggers
 * and changes rows; verify must name the first bad seq and the reason. Each test starts from a
 * fresh workspace with five events.
 */
class TamperDetectionTest {

    private static final int EVENTS = 5;
    private static Jdbi jdbi;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    private AuditLog log;
    private String ws;

    @BeforeAll
    static void database() {
        jdbi = Jdbi.create(TestDatabase.migratedDatabase());
    }

    @BeforeEach
    void fiveEvents() {
        log = new AuditLog(jdbi, clock, TestDatabase.MAC_KEY);
        ws = "ws_" + UUID.randomUUID();
        for (int i = 1; i <= EVENTS; i++) {
            log.append(new AuditEntry(ws, AuditActors.token("tok_" + i), "data_source.update", "data_source:ds_" + i,
                    Map.of("field", "schedule", "step", "" + i)));
            clock.advance(Duration.ofMinutes(1));
        }
    }

    @Test
    void untouchedChainVerifiesClean() {
        assertThat(log.verify(ws)).isEqualTo(VerificationResult.valid(ws, EVENTS));
    }

    @Test
    void emptyWorkspaceVerifiesClean() {
        String empty = "ws_" + UUID.randomUUID();
        assertThat(log.verify(empty)).isEqualTo(VerificationResult.valid(empty, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "actor = 'admin'",
        "action = 'data_source.read'",
        "target = 'data_source:ds_other'",
        "target = NULL",
        "detail = '{\"field\": \"schedule\", \"step\": \"9\"}'",
        "detail = detail - 'field'",
        "occurred_at = occurred_at + interval '1 microsecond'",
    })
    void editedFieldIsCaughtAtThatRow(String assignment) {
        asAttacker(h -> update(h, "UPDATE audit_event SET " + assignment + " WHERE workspace = :ws AND seq = 3"));

        assertFirstBad(3, Problem.HASH_MISMATCH);
    }

    @Test
    void editedHashIsCaughtAtThatRow() {
        asAttacker(h -> update(h, "UPDATE audit_event SET hash = sha256(hash) WHERE workspace = :ws AND seq = 3"));

        assertFirstBad(3, Problem.HASH_MISMATCH);
    }

    @Test
    void deletedMiddleRowIsNamed() {
        asAttacker(h -> update(h, "DELETE FROM audit_event WHERE workspace = :ws AND seq = 3"));

        assertFirstBad(3, Problem.ROW_MISSING);
    }

    @Test
    void deletedTailIsCaughtByTheSealedHead() {
        asAttacker(h -> update(h, "DELETE FROM audit_event WHERE workspace = :ws AND seq >= 4"));

        assertFirstBad(4, Problem.TAIL_MISSING);
    }

    @Test
    void deletedTailWithHeadMovedBackIsCaughtByTheMac() {
        byte[] hashOfThree = event(3).hash();
        asAttacker(h -> {
            update(h, "DELETE FROM audit_event WHERE workspace = :ws AND seq >= 4");
            h.createUpdate("UPDATE audit_chain_head SET last_seq = 3, last_hash = :hash WHERE workspace = :ws")
                    .bind("ws", ws).bind("hash", hashOfThree).execute();
        });

        assertFirstBad(1, Problem.HEAD_SEAL_INVALID);
    }

    @Test
    void forgedRowAfterTheLastIsNotSealed() {
        // The attacker knows the format and chains the forged row correctly; only the head MAC is out of reach.
        AuditEvent last = event(EVENTS);
        asAttacker(h -> insertForged(h, EVENTS + 1, last.hash(), clock.instant()));

        assertFirstBad(EVENTS + 1, Problem.ROW_NOT_SEALED);
    }

    @Test
    void forgedRowInsertedInTheMiddleBreaksTheNextLink() {
        // Make room at seq 4 and insert a correctly chained forgery there. The forged row itself is
        // self-consistent; the chain breaks at the row after it, whose prev_hash points past it.
        AuditEvent three = event(3);
        asAttacker(h -> {
            update(h, "UPDATE audit_event SET seq = seq + 1000 WHERE workspace = :ws AND seq >= 4");
            update(h, "UPDATE audit_event SET seq = seq - 999 WHERE workspace = :ws AND seq > 1000");
            insertForged(h, 4, three.hash(), three.time().plusSeconds(1));
        });

        assertFirstBad(5, Problem.LINK_BROKEN);
    }

    @Test
    void swappedRowsBreakTheLinkAtTheFirstOfThem() {
        asAttacker(h -> {
            update(h, "UPDATE audit_event SET seq = 1002 WHERE workspace = :ws AND seq = 2");
            update(h, "UPDATE audit_event SET seq = 2 WHERE workspace = :ws AND seq = 3");
            update(h, "UPDATE audit_event SET seq = 3 WHERE workspace = :ws AND seq = 1002");
        });

        assertFirstBad(2, Problem.LINK_BROKEN);
    }

    @Test
    void recomputedChainWithRewrittenHeadIsCaughtByTheMac() {
        asAttacker(h -> {
            update(h, "UPDATE audit_event SET actor = 'admin' WHERE workspace = :ws AND seq = 2");
            byte[] newLast = recomputeHashesFrom(h, 2);
            // Without the key the attacker can only guess a MAC (here: one under their own key).
            ChainHead forged = new HeadSealer("attacker's own key, 32 bytes long!".getBytes()).seal(ws, EVENTS, newLast);
            h.createUpdate("UPDATE audit_chain_head SET last_hash = :hash, mac = :mac WHERE workspace = :ws")
                    .bind("ws", ws).bind("hash", forged.lastHash()).bind("mac", forged.mac()).execute();
        });

        assertFirstBad(1, Problem.HEAD_SEAL_INVALID);
    }

    @Test
    void recomputedChainWithUntouchedHeadDoesNotEndInTheSealedHash() {
        asAttacker(h -> {
            update(h, "UPDATE audit_event SET actor = 'admin' WHERE workspace = :ws AND seq = 2");
            recomputeHashesFrom(h, 2);
        });

        assertFirstBad(1, Problem.HEAD_MISMATCH);
    }

    @Test
    void deletedHeadIsCaught() {
        asAttacker(h -> update(h, "DELETE FROM audit_chain_head WHERE workspace = :ws"));

        assertFirstBad(1, Problem.HEAD_MISSING);
    }

    @Test
    void appendRefusesToSealOverAForgedHead() {
        asAttacker(h -> {
            update(h, "DELETE FROM audit_event WHERE workspace = :ws AND seq >= 4");
            update(h, "UPDATE audit_chain_head SET last_seq = 3 WHERE workspace = :ws");
        });

        assertThatThrownBy(() -> log.append(AuditEntry.of(ws, "admin", "data_source.create", null)))
                .isInstanceOf(AuditIntegrityException.class)
                .hasMessageContaining(ws);
        assertThat(rows()).hasSize(3);
        assertFirstBad(1, Problem.HEAD_SEAL_INVALID);
    }

    @Test
    void tamperingWithOneWorkspaceLeavesOthersValid() {
        String other = "ws_" + UUID.randomUUID();
        log.append(AuditEntry.of(other, "admin", "data_source.create", null));
        asAttacker(h -> update(h, "DELETE FROM audit_event WHERE workspace = :ws AND seq = 2"));

        assertFirstBad(2, Problem.ROW_MISSING);
        assertThat(log.verify(other)).isEqualTo(VerificationResult.valid(other, 1));
    }

    private void assertFirstBad(long seq, Problem problem) {
        VerificationResult result = log.verify(ws);
        assertThat(result.isValid()).as("chain should be invalid").isFalse();
        VerificationResult.Failure failure = result.failure().orElseThrow();
        assertThat(failure.problem()).as(failure.message()).isEqualTo(problem);
        assertThat(failure.seq()).as(failure.message()).isEqualTo(seq);
    }

    /** Runs changes the way an attacker with superuser access would: triggers off, then back on. */
    private static void asAttacker(Consumer<Handle> changes) {
        TestDatabase.asAttacker(jdbi, changes);
    }

    private void update(Handle h, String sql) {
        h.createUpdate(sql).bind("ws", ws).execute();
    }

    private void insertForged(Handle h, long seq, byte[] prevHash, Instant time) {
        String actor = "admin";
        String action = "credential.decrypt";
        byte[] hash = EventHasher.hash(prevHash, seq, ws, time, actor, action, null, Map.of());
        h.createUpdate("""
                INSERT INTO audit_event (workspace, seq, occurred_at, actor, action, target, detail, prev_hash, hash)
                VALUES (:ws, :seq, :time, :actor, :action, NULL, '{}', :prev, :hash)""")
                .bind("ws", ws).bind("seq", seq).bind("time", OffsetDateTime.ofInstant(time, ZoneOffset.UTC))
                .bind("actor", actor).bind("action", action).bind("prev", prevHash).bind("hash", hash)
                .execute();
    }

    /** Rewrites prev_hash and hash of every row from {@code fromSeq} on, as the format prescribes; returns the new last hash. */
    private byte[] recomputeHashesFrom(Handle h, long fromSeq) {
        List<AuditEvent> events = new AuditRepository().walkChain(h, ws, 0, it -> {
            List<AuditEvent> all = new java.util.ArrayList<>();
            it.forEachRemaining(all::add);
            return all;
        });
        byte[] prev = events.get((int) fromSeq - 2).hash();
        for (AuditEvent e : events.subList((int) fromSeq - 1, events.size())) {
            byte[] hash = EventHasher.hash(prev, e.seq(), ws, e.time(), e.actor(), e.action(), e.target(), e.detail());
            h.createUpdate("UPDATE audit_event SET prev_hash = :prev, hash = :hash WHERE workspace = :ws AND seq = :seq")
                    .bind("prev", prev).bind("hash", hash).bind("ws", ws).bind("seq", e.seq()).execute();
            prev = hash;
        }
        return prev;
    }

    private AuditEvent event(long seq) {
        return rows().stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
    }

    private List<AuditEvent> rows() {
        return log.query(AuditQuery.forWorkspace(ws)).events();
    }
}
