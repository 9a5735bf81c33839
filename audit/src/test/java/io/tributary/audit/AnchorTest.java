package io.tributary.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.audit.VerificationResult.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heads written outside the database catch what the database alone cannot: a chain rolled back to
 * an older (genuinely sealed) head, and a chain deleted whole.
 */
class AnchorTest {

    private final Jdbi jdbi = Jdbi.create(TestDatabase.migratedDatabase());
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    private final AuditLog log = new AuditLog(jdbi, clock, TestDatabase.MAC_KEY);

    @TempDir
    Path folder;

    private String chainOf(int events) {
        String ws = "ws_" + UUID.randomUUID();
        for (int i = 0; i < events; i++) {
            log.append(new AuditEntry(ws, "admin", "data_source.update", null, Map.of("n", "" + i)));
        }
        return ws;
    }

    @Test
    void aChainRolledBackToAnOlderHeadIsCaught() {
        String ws = chainOf(5);
        Map<String, Object> savedHead = jdbi.withHandle(h -> h.createQuery("SELECT * FROM audit_chain_head WHERE workspace = :ws")
                .bind("ws", ws).mapToMap().one());
        log.append(AuditEntry.of(ws, "token:tok_thief", "credential.decrypt", "data_source:ds_1"));
        AnchorFile anchors = AnchorFile.open(folder.resolve("anchors.jsonl"));
        assertThat(anchors.append(log.heads())).isEqualTo(1);

        // The attacker removes the row that shows their use and restores the head saved before it.
        TestDatabase.asAttacker(jdbi, h -> {
            h.createUpdate("DELETE FROM audit_event WHERE workspace = :ws AND seq = 6").bind("ws", ws).execute();
            h.createUpdate("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash, mac = :mac WHERE workspace = :ws")
                    .bind("seq", savedHead.get("last_seq")).bind("hash", savedHead.get("last_hash")).bind("mac", savedHead.get("mac"))
                    .bind("ws", ws).execute();
        });
        assertThat(log.verify(ws).isValid()).as("the database alone cannot tell").isTrue();

        VerificationResult anchored = log.verify(ws, anchors.newest(ws));
        assertThat(anchored.failure().orElseThrow().problem()).isEqualTo(Problem.ROLLED_BACK);
        assertThat(anchored.failure().orElseThrow().seq()).isEqualTo(6);
    }

    @Test
    void aChainDeletedWholeIsCaught() {
        String ws = chainOf(3);
        AnchorFile anchors = AnchorFile.open(folder.resolve("anchors.jsonl"));
        anchors.append(log.heads());
        TestDatabase.asAttacker(jdbi, h -> {
            h.createUpdate("DELETE FROM audit_event WHERE workspace = :ws").bind("ws", ws).execute();
            h.createUpdate("DELETE FROM audit_chain_head WHERE workspace = :ws").bind("ws", ws).execute();
            h.createUpdate("DELETE FROM audit_verified WHERE workspace = :ws").bind("ws", ws).execute();
        });
        assertThat(log.verify(ws).isValid()).as("an unknown workspace verifies clean without the anchor").isTrue();
        assertThat(log.verify(ws, anchors.newest(ws)).failure().orElseThrow().problem()).isEqualTo(Problem.CHAIN_MISSING);
    }

    @Test
    void aRewrittenChainIsCaughtEvenWithAHeadThatLooksNewer() {
        String ws = chainOf(4);
        AnchorFile anchors = AnchorFile.open(folder.resolve("anchors.jsonl"));
        anchors.append(log.heads());
        TestDatabase.asAttacker(jdbi, h -> h.createUpdate("UPDATE audit_event SET hash = decode(repeat('22', 32), 'hex') "
                + "WHERE workspace = :ws AND seq = 4").bind("ws", ws).execute());
        assertThat(log.verifyFully(ws, anchors.newest(ws)).isValid()).isFalse();
    }

    @Test
    void aForgedAnchorLineIsCaughtAndATornOneSkipped() throws IOException {
        String ws = chainOf(2);
        Path file = folder.resolve("anchors.jsonl");
        AnchorFile anchors = AnchorFile.open(file);
        anchors.append(log.heads());
        assertThat(log.verify(ws, anchors.newest(ws)).isValid()).isTrue();

        String forged = Files.readString(file).replaceAll("\"lastSeq\":2", "\"lastSeq\":1").strip();
        Files.writeString(file, forged + "\n{\"workspace\":\"" + ws + "\",\"lastS", StandardOpenOption.APPEND);
        AnchorFile reread = AnchorFile.open(file);
        assertThat(reread.newest(ws).orElseThrow().lastSeq()).isEqualTo(1);
        assertThat(log.verify(ws, reread.newest(ws)).failure().orElseThrow().problem()).isEqualTo(Problem.ANCHOR_SEAL_INVALID);
    }

    @Test
    void onlyChangedHeadsAreWrittenAndLinesOthersAppendAreRead() throws IOException {
        String first = chainOf(1);
        Path file = folder.resolve("shared.jsonl");
        AnchorFile mine = AnchorFile.open(file);
        AnchorFile theirs = AnchorFile.open(file);
        assertThat(mine.append(log.heads())).isEqualTo(1);
        clock.advance(java.time.Duration.ofHours(1));
        assertThat(mine.append(log.heads())).as("an unchanged head is not anchored again").isZero();

        log.append(AuditEntry.of(first, "admin", "x.y", null));
        String second = chainOf(1);
        assertThat(theirs.append(log.heads())).as("the other node read this node's line first").isEqualTo(2);
        assertThat(mine.newest(second)).isPresent();
        assertThat(mine.newest(first).orElseThrow().lastSeq()).isEqualTo(2);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(3);
    }
}
