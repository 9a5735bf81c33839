package io.tributary.connector.postgres;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens real connections and counts every talk with the database: each connection opened and each
 * call on one (statements, rollbacks, checks). What the connector does without a connection is not
 * counted, since it cannot reach the database.
 */
final class CountingOpener {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();
    private final List<Connection> opens = new CopyOnWriteArrayList<>();

    long calls() {
        return calls.get();
    }

    long opened() {
        return opened.get();
    }

    /** How many of the connections opened are still open. */
    long openConnections() throws SQLException {
        long open = 0;
        for (Connection connection : opens) {
            open += connection.isClosed() ? 0 : 1;
        }
        return open;
    }

    /** A factory whose connector opens connections through this counter. */
    PostgresConnectorFactory factory() {
        return new PostgresConnectorFactory(this::opener);
    }

    /** An opener that counts, for pools under test. */
    ConnectionOpener opener() {
        return opener(Duration.ofSeconds(5));
    }

    private ConnectionOpener opener(Duration connectTimeout) {
        PostgresConnections connections = new PostgresConnections(connectTimeout, Duration.ofSeconds(60));
        return credentials -> {
            calls.incrementAndGet();
            Connection real = connections.open(credentials);
            opened.incrementAndGet();
            opens.add(real);
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> {
                        calls.incrementAndGet();
                        try {
                            return method.invoke(real, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
    }
}
