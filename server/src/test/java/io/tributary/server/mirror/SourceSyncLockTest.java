package io.tributary.server.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.core.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** One dataset sync per source across every node sharing the database. */
class SourceSyncLockTest {

    @Test
    void aSecondSyncOfTheSameSourceIsTurnedAwayUntilTheFirstEnds() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            // Two Jdbi instances: as two nodes, each with its own connections.
            Jdbi nodeA = Database.jdbi(postgres.getPostgresDatabase());
            Jdbi nodeB = Database.jdbi(postgres.getPostgresDatabase());

            Optional<SourceSyncLock> first = SourceSyncLock.tryAcquire(nodeA, "ds_1");
            assertThat(first).isPresent();
            assertThat(SourceSyncLock.tryAcquire(nodeB, "ds_1")).as("the same source, on another node").isEmpty();
            try (SourceSyncLock other = SourceSyncLock.tryAcquire(nodeB, "ds_2").orElseThrow()) {
                assertThat(other).as("another source is not held up").isNotNull();
            }
            first.get().close();
            try (SourceSyncLock again = SourceSyncLock.tryAcquire(nodeB, "ds_1").orElseThrow()) {
                assertThat(again).as("free once the first sync ended").isNotNull();
            }
        }
    }
}
