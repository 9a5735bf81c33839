package io.tributary.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.audit.VerificationResult.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The seal key can be rotated: heads say which key sealed them, and chains sealed before still verify. */
class SealKeyRotationTest {

    private static final byte[] NEXT_KEY = "the next audit seal key, 32+ bytes long".getBytes(StandardCharsets.UTF_8);

    private final Jdbi jdbi = Jdbi.create(TestDatabase.migratedDatabase());
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));

    @Test
    void aChainSealedUnderTheOldKeyVerifiesAndTheNextAppendResealsIt() {
        String ws = "ws_" + UUID.randomUUID();
        AuditLog before = new AuditLog(jdbi, clock, TestDatabase.MAC_KEY);
        before.append(AuditEntry.of(ws, "admin", "workspace.create", null));
        assertThat(keyOf(ws)).isEqualTo(SealKeys.INITIAL);

        AuditLog after = new AuditLog(jdbi, clock, new SealKeys("k2", Map.of(SealKeys.INITIAL, TestDatabase.MAC_KEY, "k2", NEXT_KEY)));
        assertThat(after.verify(ws).isValid()).isTrue();
        after.append(AuditEntry.of(ws, "admin", "workspace.update", null));
        assertThat(keyOf(ws)).isEqualTo("k2");
        assertThat(after.verify(ws).isValid()).isTrue();

        AuditLog withoutTheOldKey = new AuditLog(jdbi, clock, new SealKeys("k2", Map.of("k2", NEXT_KEY)));
        assertThat(withoutTheOldKey.verifyFully(ws, java.util.Optional.empty()).isValid()).as("resealed: the old key is no longer needed")
                .isTrue();
    }

    @Test
    void aHeadNamingAKeyNobodyHasFailsItsSeal() {
        String ws = "ws_" + UUID.randomUUID();
        AuditLog log = new AuditLog(jdbi, clock, TestDatabase.MAC_KEY);
        log.append(AuditEntry.of(ws, "admin", "workspace.create", null));
        jdbi.useHandle(h -> h.createUpdate("UPDATE audit_chain_head SET key_id = 'made-up' WHERE workspace = :ws").bind("ws", ws).execute());
        assertThat(log.verify(ws).failure().orElseThrow().problem()).isEqualTo(Problem.HEAD_SEAL_INVALID);
        assertThatThrownBy(() -> log.append(AuditEntry.of(ws, "admin", "x.y", null))).isInstanceOf(AuditIntegrityException.class);
    }

    @Test
    void aLogMeetingAHeadSealedUnderAKeyItDoesNotKnowLoadsTheKeysAgain() {
        String ws = "ws_" + UUID.randomUUID();
        SealKeys both = new SealKeys("k2", Map.of(SealKeys.INITIAL, TestDatabase.MAC_KEY, "k2", NEXT_KEY));
        int[] reloads = new int[1];
        AuditLog stale = new AuditLog(jdbi, clock, SealKeys.single(TestDatabase.MAC_KEY), () -> {
            reloads[0]++;
            return both;
        });
        stale.append(AuditEntry.of(ws, "admin", "workspace.create", null));
        assertThat(keyOf(ws)).isEqualTo(SealKeys.INITIAL);

        new AuditLog(jdbi, clock, both).append(AuditEntry.of(ws, "admin", "workspace.update", null));
        assertThat(keyOf(ws)).isEqualTo("k2");

        assertThat(stale.verify(ws).isValid()).isTrue();
        stale.append(AuditEntry.of(ws, "admin", "workspace.update", null));
        assertThat(keyOf(ws)).as("after the reload it seals with the newest key").isEqualTo("k2");
        assertThat(reloads[0]).isEqualTo(1);

        jdbi.useHandle(h -> h.createUpdate("UPDATE audit_chain_head SET key_id = 'k9' WHERE workspace = :ws").bind("ws", ws).execute());
        assertThat(stale.verify(ws).isValid()).isFalse();
        assertThat(stale.verify(ws).isValid()).isFalse();
        assertThat(reloads[0]).as("an unknown key reloads at most once a minute").isEqualTo(1);
    }

    @Test
    void keysAreChecked() {
        assertThatThrownBy(() -> new SealKeys("k2", Map.of("k1", NEXT_KEY))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealKeys("k1", Map.of("k1", new byte[31]))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SealKeys("k1", Map.of("k1", NEXT_KEY)).toString()).doesNotContain("the next");
    }

    private String keyOf(String ws) {
        return jdbi.withHandle(h -> h.createQuery("SELECT key_id FROM audit_chain_head WHERE workspace = :ws").bind("ws", ws)
                .mapTo(String.class).one());
    }
}
