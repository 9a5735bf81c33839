package io.tributary.connector.spi;

import java.time.Clock;

/**
 * What the host hands a connector for one operation on one data source.
 *
 * <p>Credentials come through {@link #credentials()} rather than as a value so the host decides,
 * and records in its audit log, each decryption. Call it when you need the credentials, once per
 * operation, and keep the result in a local variable rather than a field. The connector's settings
 * are not here: it received them, validated, when it was created.
 *
 * <p>The host implements this interface; it grows only by {@code default} methods. Tests build
 * one with the {@code connector-host} module's {@code Contexts}.
 */
public interface ConnectorContext {

    /**
     * The data source's credentials. Each call may decrypt them anew and be audited.
     *
     * @return the credentials
     */
    Credentials credentials();

    /**
     * The clock to read "now" from; never use the system clock directly, so tests and the host
     * control time.
     *
     * @return the clock
     */
    Clock clock();

    /**
     * How long the connector may wait.
     *
     * @return the timeouts
     */
    Timeouts timeouts();
}
