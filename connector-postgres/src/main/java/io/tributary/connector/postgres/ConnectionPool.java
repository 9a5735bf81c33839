package io.tributary.connector.postgres;

import io.tributary.connector.spi.ConnectorException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The connections of one data source's credentials: at most {@code size} open, idle ones reused.
 * A connection idle for a while is checked before reuse, since the server may have closed it.
 */
final class ConnectionPool implements AutoCloseable {

    /** An idle connection older than this is checked with a round trip before it is reused. */
    private static final Duration CHECK_AFTER = Duration.ofSeconds(30);

    private record Idle(Connection connection, long since) {
    }

    private final PostgresCredentials credentials;
    private final ConnectionOpener opener;
    private final Semaphore permits;
    private final Duration waitForPermit;
    private final LongSupplier nanoTime;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private int borrowed;
    private long lastUsed;
    private boolean closed;

    ConnectionPool(PostgresCredentials credentials, ConnectionOpener opener, int size, Duration waitForPermit, LongSupplier nanoTime) {
        this.credentials = credentials;
        this.opener = opener;
        this.permits = new Semaphore(size, true);
        this.waitForPermit = waitForPermit;
        this.nanoTime = nanoTime;
        this.lastUsed = nanoTime.getAsLong();
    }

    /**
     * A connection for one operation; give it back with {@link #release}.
     *
     * @throws ConnectorException transient when every connection stays busy, or as opening fails
     */
    Connection borrow() {
        try {
            if (!permits.tryAcquire(waitForPermit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw ConnectorException.transientFailure("Every connection to the database stayed busy for "
                        + waitForPermit.toSeconds() + " s; try again, or raise connectors.postgres.pool_size", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientFailure("Interrupted while waiting for a database connection", null);
        }
        try {
            Connection connection = reuse();
            if (connection == null) {
                connection = opener.open(credentials);
            }
            synchronized (this) {
                borrowed++;
            }
            return connection;
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /**
     * Takes a connection back.
     *
     * @param broken whether the operation failed in a way that may have left the connection unusable
     */
    void release(Connection connection, boolean broken) {
        boolean keep;
        synchronized (this) {
            borrowed--;
            lastUsed = nanoTime.getAsLong();
            keep = !closed && !broken && !isClosed(connection);
            if (keep) {
                idle.push(new Idle(connection, lastUsed));
            }
        }
        if (!keep) {
            closeQuietly(connection);
        }
        permits.release();
    }

    /** Whether nothing is borrowed and nothing was for {@code idleFor}. */
    synchronized boolean idleLongerThan(Duration idleFor) {
        return borrowed == 0 && nanoTime.getAsLong() - lastUsed > idleFor.toNanos();
    }

    /** The connections open and not in use, for tests. */
    synchronized int idleCount() {
        return idle.size();
    }

    /** Closes the idle connections; a borrowed one is closed when it comes back. */
    @Override
    public void close() {
        Deque<Idle> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(entry -> closeQuietly(entry.connection()));
    }

    private Connection reuse() {
        while (true) {
            Idle entry;
            synchronized (this) {
                entry = idle.poll();
            }
            if (entry == null) {
                return null;
            }
            if (usable(entry)) {
                return entry.connection();
            }
            closeQuietly(entry.connection());
        }
    }

    private boolean usable(Idle entry) {
        if (nanoTime.getAsLong() - entry.since() < CHECK_AFTER.toNanos()) {
            return !isClosed(entry.connection());
        }
        try {
            return entry.connection().isValid((int) Math.max(1, waitForPermit.toSeconds()));
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing a broken connection may fail; it is gone either way.
        }
    }
}
