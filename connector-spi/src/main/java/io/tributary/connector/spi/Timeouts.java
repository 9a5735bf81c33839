package io.tributary.connector.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a connector may wait, as the host allows it.
 *
 * @param connect the longest wait to open a connection
 * @param read the longest wait for one response
 * @param operation the longest one whole operation (a query over many pages, a validation) may
 *     take, retries included
 */
public record Timeouts(Duration connect, Duration read, Duration operation) {

    /** Ten seconds to connect, thirty to read, two minutes per operation. */
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2));

    /** Checks that every timeout is positive and the operation's is not shorter than a read's. */
    public Timeouts {
        positive(connect, "connect");
        positive(read, "read");
        positive(operation, "operation");
        if (operation.compareTo(read) < 0) {
            throw new IllegalArgumentException("The operation timeout must not be shorter than the read timeout");
        }
    }

    private static void positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " timeout must be positive");
        }
    }
}
