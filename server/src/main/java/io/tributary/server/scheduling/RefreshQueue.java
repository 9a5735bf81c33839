package io.tributary.server.scheduling;

import io.tributary.server.db.PendingRefreshDao;
import java.time.Instant;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Puts refresh requests in the queue, merged per data source; the scheduler runs them. */
public final class RefreshQueue {

    private RefreshQueue() {
    }

    /**
     * Queues a refresh in the caller's transaction.
     *
     * @param staleQueryTypes the query types to refresh; empty for all
     */
    public static void enqueue(Handle handle, String dataSourceId, Set<String> staleQueryTypes, String actor, Instant now) {
        String[] types = staleQueryTypes.isEmpty() ? null : staleQueryTypes.stream().sorted().toArray(String[]::new);
        handle.attach(PendingRefreshDao.class).enqueue(dataSourceId, types, actor, now);
    }
}
