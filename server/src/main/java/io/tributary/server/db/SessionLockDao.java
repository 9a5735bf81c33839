package io.tributary.server.db;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * PostgreSQL session advisory locks, by a text key: held by the connection that took them until it
 * releases them or closes, so attach this to a handle kept open for as long as the lock is needed.
 */
public interface SessionLockDao {

    /** Takes the lock unless another session holds it; returns whether it was taken. */
    @SqlQuery("SELECT pg_try_advisory_lock(hashtext(:key))")
    boolean tryLock(@Bind("key") String key);

    /** Releases a lock this session holds; returns whether it held it. */
    @SqlQuery("SELECT pg_advisory_unlock(hashtext(:key))")
    boolean unlock(@Bind("key") String key);
}
