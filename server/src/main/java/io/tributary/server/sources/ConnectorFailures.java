package io.tributary.server.sources;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import java.time.Duration;
import java.util.Optional;

/**
 * The SPI's error model as the server reads it, and the only place it does: a failure's
 * {@link ErrorKind#scope() scope} decides whether it stops the whole data source or only the
 * operation, and {@link ErrorKind#retryable() retryable} failures say when to try again. The
 * server never compares kinds to decide these, so a connector's kinds mean the same everywhere.
 */
public final class ConnectorFailures {

    /** How long a retryable failure waits when the connector did not say. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private ConnectorFailures() {
    }

    /** Whether the failure takes out the whole source: its credentials no longer work, so nothing on it can run. */
    public static boolean stopsSource(ConnectorException failure) {
        return failure.kind().scope() == ErrorKind.Scope.SOURCE;
    }

    /**
     * When the same operation may be tried again: the connector's estimate, else a short default;
     * empty for a failure that trying again does not fix.
     */
    public static Optional<Duration> retryAfter(ConnectorException failure) {
        if (!failure.kind().retryable()) {
            return Optional.empty();
        }
        return Optional.of(failure.retryAfter().orElse(DEFAULT_RETRY_AFTER));
    }
}
