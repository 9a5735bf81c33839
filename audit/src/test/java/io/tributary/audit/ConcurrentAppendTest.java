package io.tributary.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class ConcurrentAppendTest {

    private static final int THREADS = 8;
    private static final int APPENDS_PER_THREAD = 50;

    @Test
    void concurrentAppendsToOneWorkspaceKeepAValidGaplessChain() throws Exception {
        Jdbi jdbi = Jdbi.create(TestDatabase.migratedDatabase());
        AuditLog log = new AuditLog(jdbi, Clock.systemUTC(), TestDatabase.MAC_KEY);
        String busy = "ws_" + UUID.randomUUID();
        String quiet = "ws_" + UUID.randomUUID();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                        log.append(new AuditEntry(busy, AuditActors.token("t" + thread), "data_source.sync", null, Map.of("i", "" + i)));
                        if (i % 10 == 0) { // another workspace in between, to interleave two chains
                            log.append(AuditEntry.of(quiet, AuditActors.SCHEDULED_RUNNER, "run.start", null));
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> seqs = jdbi.withHandle(h -> h.createQuery("SELECT seq FROM audit_event WHERE workspace = :ws ORDER BY seq")
                .bind("ws", busy).mapTo(Long.class).list());
        assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, THREADS * APPENDS_PER_THREAD).boxed().toList());
        assertThat(log.verify(busy)).isEqualTo(VerificationResult.valid(busy, THREADS * APPENDS_PER_THREAD));
        assertThat(log.verify(quiet)).isEqualTo(VerificationResult.valid(quiet, THREADS * 5));
    }
}
