package io.tributary.connector.webhook;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import java.time.Duration;
import java.time.Instant;

/**
 * How far a signed timestamp may lie from now, in either direction: a replayed old delivery and a
 * far-future one (signed ahead to be replayed later) are both refused. Exactly at the limit passes.
 *
 * @param window the largest accepted distance, whole seconds
 */
public record Tolerance(Duration window) {

    /** The tolerance of Stripe and of Standard Webhooks. */
    public static final Tolerance DEFAULT = new Tolerance(Duration.ofSeconds(300));

    /** Checks the window. */
    public Tolerance {
        if (window.isNegative() || window.getNano() != 0) {
            throw new IllegalArgumentException("A timestamp tolerance is a non-negative number of whole seconds");
        }
    }

    /**
     * Refuses a timestamp too far from now.
     *
     * @param signedAtSeconds the signed time, Unix seconds
     * @param now the host clock's now
     */
    public void check(long signedAtSeconds, Instant now) {
        long distance = Math.abs(now.getEpochSecond() - signedAtSeconds);
        if (distance > window.toSeconds()) {
            throw new ConnectorException(StandardErrorCode.WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE, "The delivery was signed "
                    + distance + " s away from now, outside the " + window.toSeconds() + " s tolerance");
        }
    }
}
