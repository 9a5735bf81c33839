package io.tributary.connector.postgres;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens real connections and counts every talk with the database: each connection opened and each
 * call on one (statements, rollbacks, checks). What the connector does without a connection is not
 * counted, since it cannot reach the database.
 */
final class CountingOpener {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();

    long calls() {
        return calls.get();
    }

    long opened() {
        return opened.get();
    }

    /** A factory whose connector opens connections through this counter. */
    PostgresConnectorFactory factory() {
        return new PostgresConnectorFactory(this::opener);
    }

    private ConnectionOpener opener(Duration connectTimeout) {
        PostgresConnections connections = new PostgresConnections(connectTimeout, Duration.ofSeconds(60));
        return credentials -> {
            calls.incrementAndGet();
            Connection real = connections.open(credentials);
            opened.incrementAndGet();
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
