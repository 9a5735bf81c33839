package io.tributary.audit;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;

/**
 * Verifying a long chain after a few appends: a chain of {@code -Dbench.rows} events (default
 * 1,000,000) is written straight into an embedded PostgreSQL (COPY, hashes computed as the log
 * computes them, the head sealed), verified once whole, then {@code -Dbench.rounds} times (default
 * 5) ten events are appended and the chain verified again. Prints the rows each verification read
 * and how long it took. Run with bench/run-audit-verify.sh; figures in BENCHMARKS.md.
 */
public final class VerifyBench {

    private static final int BATCH = 50_000;

    private VerifyBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        int rounds = Integer.getInteger("bench.rounds", 5);
        DataSource database = TestDatabase.migratedDatabase();
        Jdbi jdbi = Jdbi.create(database);
        String workspace = "ws_bench";
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

        long started = System.nanoTime();
        byte[] last = writeChain(database, workspace, rows);
        HeadSealer sealer = new HeadSealer(TestDatabase.MAC_KEY);
        ChainHead head = sealer.seal(workspace, rows, last);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO audit_chain_head (workspace, last_seq, last_hash, key_id, mac) "
                + "VALUES (:w, :s, :h, :k, :m)").bind("w", workspace).bind("s", (long) rows).bind("h", last).bind("k", head.keyId())
                .bind("m", head.mac()).execute());
        jdbi.useHandle(h -> h.execute("VACUUM ANALYZE audit_event"));
        System.out.printf("wrote a chain of %,d events in %s%n", rows, Duration.ofNanos(System.nanoTime() - started));

        AuditLog log = new AuditLog(jdbi, clock, TestDatabase.MAC_KEY);
        report("full, first verification", () -> log.verify(workspace));
        List<Long> incremental = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < 10; i++) {
                log.append(new AuditEntry(workspace, "admin", "data_source.update", "data_source:ds_1", Map.of("round", "" + round)));
            }
            incremental.add(report("after 10 appends", () -> log.verify(workspace)));
        }
        report("verifyFully, for comparison", () -> log.verifyFully(workspace, Optional.empty()));
        incremental.sort(null);
        System.out.printf("incremental verification after 10 appends: median %.2f ms over %d rounds%n",
                incremental.get(incremental.size() / 2) / 1e6, rounds);
    }

    private static long report(String what, java.util.function.Supplier<VerificationResult> verify) {
        long started = System.nanoTime();
        VerificationResult result = verify.get();
        long nanos = System.nanoTime() - started;
        if (!result.isValid()) {
            throw new IllegalStateException("the chain did not verify: " + result);
        }
        System.out.printf("%-30s valid, %,d events, %,d read, %.2f ms%n", what, result.rowsChecked(), result.rowsRead(), nanos / 1e6);
        return nanos;
    }

    /** Writes seq 1..rows with COPY, in batches, each event hashed onto the one before; returns the last hash. */
    private static byte[] writeChain(DataSource database, String workspace, int rows) throws Exception {
        byte[] previous = EventHasher.genesis();
        HexFormat hex = HexFormat.of();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        try (Connection connection = database.getConnection()) {
            PGConnection postgres = connection.unwrap(PGConnection.class);
            for (int from = 1; from <= rows; from += BATCH) {
                StringBuilder csv = new StringBuilder();
                for (int seq = from; seq < from + BATCH && seq <= rows; seq++) {
                    Instant time = start.plusSeconds(seq);
                    Map<String, String> detail = Map.of("n", Integer.toString(seq));
                    byte[] hash = EventHasher.hash(previous, seq, workspace, time, "token:tokBench000000", "credential.decrypt",
                            "data_source:ds_1", detail);
                    csv.append(workspace).append(',').append(seq).append(',').append(time).append(",token:tokBench000000,")
                            .append("credential.decrypt,data_source:ds_1,\"{\"\"n\"\": \"\"").append(seq).append("\"\"}\",")
                            .append("\\x").append(hex.formatHex(previous)).append(',').append("\\x").append(hex.formatHex(hash))
                            .append('\n');
                    previous = hash;
                }
                postgres.getCopyAPI().copyIn("COPY audit_event (workspace, seq, occurred_at, actor, action, target, detail, prev_hash, hash) "
                        + "FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
            }
        }
        return previous;
    }
}
