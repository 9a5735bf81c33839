package io.tributary.server.mirror;

import io.tributary.server.db.SessionLockDao;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One dataset sync per source across the cluster, whatever the scheduler believes: a PostgreSQL
 * session advisory lock, held on its own connection for the sync's length. Quartz already runs one
 * job per source at a time, but it recovers the job of a node it takes for dead (one that missed
 * its check-ins during a long pause, say) while that node may still be reading; this lock makes
 * the second sync skip instead of racing the first over the same windows. A node that really dies
 * loses its connection, and the lock with it.
 */
final class SourceSyncLock implements AutoCloseable {

    private final Handle handle;
    private final String key;

    private SourceSyncLock(Handle handle, String key) {
        this.handle = handle;
        this.key = key;
    }

    /** The lock, or empty when another sync of the source holds it. */
    static Optional<SourceSyncLock> tryAcquire(Jdbi jdbi, String dataSourceId) {
        String key = "dataset-sync:" + dataSourceId;
        Handle handle = jdbi.open();
        try {
            if (handle.attach(SessionLockDao.class).tryLock(key)) {
                return Optional.of(new SourceSyncLock(handle, key));
            }
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
        handle.close();
        return Optional.empty();
    }

    @Override
    public void close() {
        try {
            handle.attach(SessionLockDao.class).unlock(key);
        } finally {
            handle.close();
        }
    }
}
