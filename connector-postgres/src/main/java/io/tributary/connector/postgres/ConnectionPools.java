package io.tributary.connector.postgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One {@link ConnectionPool} per set of credentials, keyed by a hash of everything that shapes the
 * connection (so the password never serves as a key in clear, and a changed password gets a new
 * pool). Pools unused for {@code idleFor} are closed on the next use of any pool: no thread of its own.
 */
final class ConnectionPools implements AutoCloseable {

    private final ConnectionOpener opener;
    private final int size;
    private final Duration waitForPermit;
    private final Duration idleFor;
    private final LongSupplier nanoTime;
    private final Map<String, ConnectionPool> pools = new HashMap<>();
    private boolean closed;

    ConnectionPools(ConnectionOpener opener, int size, Duration waitForPermit, Duration idleFor, LongSupplier nanoTime) {
        this.opener = opener;
        this.size = size;
        this.waitForPermit = waitForPermit;
        this.idleFor = idleFor;
        this.nanoTime = nanoTime;
    }

    /** A connection for these credentials; give it back with {@link Lease#close()}. */
    Lease borrow(PostgresCredentials credentials) {
        ConnectionPool pool = pool(credentials);
        return new Lease(pool, pool.borrow());
    }

    /** How many pools are open, for tests. */
    synchronized int poolCount() {
        return pools.size();
    }

    /** The pool for these credentials, if open, for tests. */
    synchronized ConnectionPool find(PostgresCredentials credentials) {
        return pools.get(key(credentials));
    }

    @Override
    public void close() {
        List<ConnectionPool> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(pools.values());
            pools.clear();
        }
        toClose.forEach(ConnectionPool::close);
    }

    private ConnectionPool pool(PostgresCredentials credentials) {
        List<ConnectionPool> evicted = new ArrayList<>();
        ConnectionPool pool;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The PostgreSQL connector is closed");
            }
            String key = key(credentials);
            pools.entrySet().removeIf(entry -> {
                boolean evict = !entry.getKey().equals(key) && entry.getValue().idleLongerThan(idleFor);
                if (evict) {
                    evicted.add(entry.getValue());
                }
                return evict;
            });
            pool = pools.computeIfAbsent(key, unused -> new ConnectionPool(credentials, opener, size, waitForPermit, nanoTime));
        }
        evicted.forEach(ConnectionPool::close);
        return pool;
    }

    /** SHA-256 over every field, each length-prefixed so no two inputs share a key. */
    static String key(PostgresCredentials credentials) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {credentials.hosts(), credentials.database(), credentials.user(),
                    credentials.password(), credentials.sslMode(), credentials.caCertificate() == null ? "" : credentials.caCertificate()}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** A borrowed connection; closing it gives it back, or discards it when {@link #broken()} was called. */
    static final class Lease implements AutoCloseable {
        private final ConnectionPool pool;
        private final Connection connection;
        private boolean broken;

        private Lease(ConnectionPool pool, Connection connection) {
            this.pool = pool;
            this.connection = connection;
        }

        Connection connection() {
            return connection;
        }

        /** The operation failed in a way that may have left the connection unusable. */
        void broken() {
            broken = true;
        }

        @Override
        public void close() {
            pool.release(connection, broken);
        }
    }
}
