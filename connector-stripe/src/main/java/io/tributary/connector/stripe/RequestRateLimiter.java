package io.tributary.connector.stripe;

import io.tributary.connector.spi.ConnectorException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces one Stripe account's requests so that everything using the account's key together stays
 * under Stripe's limits: a global rate for the account and a rate per endpoint. Callers that would
 * go over wait their turn instead of being refused, so many bindings refreshing at once slow down
 * rather than trip a 429 storm.
 *
 * <p>Each rate is kept as a theoretical arrival time (GCRA): every request moves it forward by
 * one interval, and a request may start when it is at most one burst ahead of now, so a quiet
 * account may send a short burst at once and a busy one is spaced evenly.
 */
public final class RequestRateLimiter {

    /** Time, in nanoseconds, from an arbitrary origin; {@link System#nanoTime()} in production. */
    @FunctionalInterface
    public interface Ticker {
        /**
         * The current time.
         *
         * @return nanoseconds
         */
        long nanos();
    }

    /** Waits; {@link Thread#sleep} in production. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits for a while.
         *
         * @param nanos how long
         * @throws InterruptedException when interrupted
         */
        void sleep(long nanos) throws InterruptedException;
    }

    private final double globalPerSecond;
    private final double endpointPerSecond;
    private final int burst;
    private final Ticker ticker;
    private final Sleeper sleeper;
    /** Theoretical arrival time of the next request, account-wide and per endpoint. */
    private long globalNextFree;
    private final Map<String, Long> endpointNextFree = new HashMap<>();

    /**
     * A limiter.
     *
     * @param globalPerSecond requests a second for the whole account
     * @param endpointPerSecond requests a second for any one endpoint
     * @param burst how many requests an idle account may send at once
     * @param ticker the time source
     * @param sleeper how to wait
     */
    public RequestRateLimiter(double globalPerSecond, double endpointPerSecond, int burst, Ticker ticker, Sleeper sleeper) {
        if (!(globalPerSecond > 0) || !(endpointPerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rates must be positive and the burst at least 1");
        }
        this.globalPerSecond = globalPerSecond;
        this.endpointPerSecond = endpointPerSecond;
        this.burst = burst;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.globalNextFree = ticker.nanos();
    }

    /**
     * A limiter on the system clock.
     *
     * @param globalPerSecond requests a second for the whole account
     * @param endpointPerSecond requests a second for any one endpoint
     * @return the limiter
     */
    public static RequestRateLimiter system(double globalPerSecond, double endpointPerSecond) {
        return new RequestRateLimiter(globalPerSecond, endpointPerSecond, 5, System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /**
     * Waits until one request to an endpoint may start, then lets it go.
     *
     * @param endpoint the endpoint, with ids replaced, such as {@code /v1/customers/{id}}
     * @param maxWait the longest this caller may wait
     * @throws ConnectorException a rate-limited failure when the wait would exceed {@code maxWait}
     */
    public void acquire(String endpoint, Duration maxWait) {
        long waitNanos = reserve(endpoint, maxWait.toNanos());
        if (waitNanos < 0) {
            throw ConnectorException.rateLimited(Duration.ofSeconds(1),
                    "Too many requests are queued for this Stripe account; try again shortly");
        }
        if (waitNanos > 0) {
            try {
                sleeper.sleep(waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ConnectorException.transientFailure("Interrupted while waiting for Stripe's rate limit", e);
            }
        }
    }

    /**
     * Reserves a start time (the generic cell rate algorithm, once per bucket): a request may
     * start once each bucket's theoretical arrival time is at most one burst ahead of it. Returns
     * how long to wait, or -1 when that is longer than allowed.
     */
    private synchronized long reserve(String endpoint, long maxWaitNanos) {
        long now = ticker.nanos();
        long globalInterval = (long) (1_000_000_000L / globalPerSecond);
        long endpointInterval = (long) (1_000_000_000L / endpointPerSecond);
        long endpointArrival = endpointNextFree.getOrDefault(endpoint, now);
        long start = Math.max(now, Math.max(globalNextFree - (burst - 1) * globalInterval,
                endpointArrival - (burst - 1) * endpointInterval));
        if (start - now > maxWaitNanos) {
            return -1;
        }
        globalNextFree = Math.max(globalNextFree, start) + globalInterval;
        endpointNextFree.put(endpoint, Math.max(endpointArrival, start) + endpointInterval);
        return start - now;
    }

    /**
     * The account-wide rate.
     *
     * @return requests a second
     */
    public double globalPerSecond() {
        return globalPerSecond;
    }
}
