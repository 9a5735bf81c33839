package io.tributary.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuditLogAppendTest {

    private static Jdbi jdbi;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00.123456789Z"));
    private AuditLog log;

    @BeforeAll
    static void database() {
        jdbi = Jdbi.create(TestDatabase.migratedDatabase());
    }

    @org.junit.jupiter.api.BeforeEach
    void newLog() {
        log = new AuditLog(jdbi, clock, TestDatabase.MAC_KEY);
    }

    @Test
    void firstEventStartsTheChain() {
        String ws = newWorkspace();
        AuditEvent event = log.append(new AuditEntry(ws, "admin", "data_source.create", "data_source:ds_123", Map.of("name", "Stripe")));

        assertThat(event.seq()).isEqualTo(1);
        assertThat(event.prevHash()).isEqualTo(EventHasher.genesis());
        assertThat(event.hash()).isEqualTo(EventHasher.hashOf(event));
        // Time comes from the clock, cut to the microseconds PostgreSQL keeps.
        assertThat(event.time()).isEqualTo(Instant.parse("2025-03-01T12:00:00.123456Z"));
    }

    @Test
    void storedEventIsExactlyWhatAppendReturned() {
        String ws = newWorkspace();
        AuditEvent appended = log.append(new AuditEntry(ws, AuditActors.token("tok_1"), "credential.decrypt", null,
                Map.of("zeta", "ünïcödé \uD83D\uDE00", "alpha", "", "mid", "\"quoted\" \\ back")));

        List<AuditEvent> stored = log.query(AuditQuery.forWorkspace(ws)).events();

        assertThat(stored).containsExactly(appended);
        assertThat(log.verify(ws).isValid()).isTrue();
    }

    @Test
    void eachEventLinksToThePreviousOne() {
        String ws = newWorkspace();
        AuditEvent first = log.append(AuditEntry.of(ws, "admin", "data_source.create", "data_source:ds_1"));
        clock.advance(Duration.ofSeconds(1));
        AuditEvent second = log.append(AuditEntry.of(ws, "admin", "data_source.update", "data_source:ds_1"));

        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.time()).isEqualTo(first.time().plusSeconds(1));
        assertThat(log.verify(ws)).isEqualTo(VerificationResult.valid(ws, 2));
    }

    @Test
    void workspacesHaveIndependentChains() {
        String a = newWorkspace();
        String b = newWorkspace();
        log.append(AuditEntry.of(a, "admin", "data_source.create", null));
        log.append(AuditEntry.of(b, "admin", "data_source.create", null));
        AuditEvent a2 = log.append(AuditEntry.of(a, "admin", "data_source.delete", null));
        AuditEvent b2 = log.append(AuditEntry.of(b, "admin", "data_source.delete", null));
        AuditEvent b3 = log.append(AuditEntry.of(b, "admin", "data_source.create", null));

        assertThat(a2.seq()).isEqualTo(2);
        assertThat(b3.seq()).isEqualTo(3);
        assertThat(b3.prevHash()).isEqualTo(b2.hash());
        assertThat(log.verify(a)).isEqualTo(VerificationResult.valid(a, 2));
        assertThat(log.verify(b)).isEqualTo(VerificationResult.valid(b, 3));
    }

    @Test
    void appendInCallersTransactionCommitsWithIt() {
        String ws = newWorkspace();
        jdbi.useTransaction(handle -> {
            handle.execute("CREATE TEMP TABLE business_change (id int)");
            handle.execute("INSERT INTO business_change VALUES (1)");
            log.append(handle, AuditEntry.of(ws, "admin", "data_source.create", "data_source:ds_1"));
            log.append(handle, AuditEntry.of(ws, "admin", "data_source.update", "data_source:ds_1"));
        });

        assertThat(log.query(AuditQuery.forWorkspace(ws)).events()).extracting(AuditEvent::seq).containsExactly(1L, 2L);
        assertThat(log.verify(ws).isValid()).isTrue();
    }

    @Test
    void appendInCallersTransactionRollsBackWithIt() {
        String ws = newWorkspace();
        log.append(AuditEntry.of(ws, "admin", "data_source.create", "data_source:ds_1"));

        assertThatThrownBy(() -> jdbi.useTransaction(handle -> {
            log.append(handle, AuditEntry.of(ws, "admin", "data_source.delete", "data_source:ds_1"));
            throw new IllegalStateException("the change being audited failed");
        })).hasMessageContaining("the change being audited failed");

        // Neither the row nor the head moved, so the next append reuses seq 2 and the chain holds.
        assertThat(log.query(AuditQuery.forWorkspace(ws)).events()).hasSize(1);
        assertThat(log.append(AuditEntry.of(ws, "admin", "data_source.update", "data_source:ds_1")).seq()).isEqualTo(2);
        assertThat(log.verify(ws)).isEqualTo(VerificationResult.valid(ws, 2));
    }

    @Test
    void appendOnHandleWithoutTransactionRunsInItsOwn() {
        String ws = newWorkspace();
        AuditEvent event = jdbi.withHandle(handle -> log.append(handle, AuditEntry.of(ws, "admin", "data_source.create", null)));

        assertThat(event.seq()).isEqualTo(1);
        assertThat(log.verify(ws).isValid()).isTrue();
    }

    @Test
    void aLogWithAnotherKeyRejectsTheChain() {
        String ws = newWorkspace();
        log.append(AuditEntry.of(ws, "admin", "data_source.create", null));
        byte[] otherKey = TestDatabase.MAC_KEY.clone();
        otherKey[5] ^= 1;
        AuditLog otherLog = new AuditLog(jdbi, clock, otherKey);

        assertThat(otherLog.verify(ws).failure()).hasValueSatisfying(f ->
                assertThat(f.problem()).isEqualTo(VerificationResult.Problem.HEAD_SEAL_INVALID));
        assertThatThrownBy(() -> otherLog.append(AuditEntry.of(ws, "admin", "data_source.delete", null)))
                .isInstanceOf(AuditIntegrityException.class);
    }

    @Test
    void rejectsAShortMacKey() {
        assertThatThrownBy(() -> new AuditLog(jdbi, clock, new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static String newWorkspace() {
        return "ws_" + UUID.randomUUID();
    }
}
