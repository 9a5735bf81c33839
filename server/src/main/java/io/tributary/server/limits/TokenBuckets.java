package io.tributary.server.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a data source, a caller): each holds up to {@code burst} tokens and gains
 * {@code perSecond} a second. They run on elapsed real time (a monotonic clock), not on the
 * server's business clock, which tests stop and step.
 */
public final class TokenBuckets {

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    TokenBuckets(double perSecond, int burst, LongSupplier nanoTime) {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("A rate above 0 and a burst of at least 1 are needed");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes a token if one is there. */
    public boolean tryTake(String key) {
        return bucket(key).take(nanoTime.getAsLong(), false);
    }

    /** Whether a token is there, taking none. */
    public boolean hasToken(String key) {
        Bucket bucket = buckets.get(key);
        return bucket == null || bucket.tokens(nanoTime.getAsLong()) >= 1;
    }

    /** Takes a token, or what is left of one: the bucket never goes below empty. */
    public void drain(String key) {
        bucket(key).take(nanoTime.getAsLong(), true);
    }

    /** How long an empty bucket takes to gain a token. */
    public Duration retryAfter() {
        return Duration.ofNanos((long) Math.ceil(1_000_000_000L / perSecond));
    }

    public void forget(String key) {
        buckets.remove(key);
    }

    private Bucket bucket(String key) {
        return buckets.computeIfAbsent(key, k -> new Bucket(nanoTime.getAsLong()));
    }

    private final class Bucket {
        private double tokens = burst;
        private long atNanos;

        Bucket(long atNanos) {
            this.atNanos = atNanos;
        }

        synchronized double tokens(long nowNanos) {
            refill(nowNanos);
            return tokens;
        }

        synchronized boolean take(long nowNanos, boolean evenIfEmpty) {
            refill(nowNanos);
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            if (evenIfEmpty) {
                tokens = 0;
            }
            return false;
        }

        private void refill(long nowNanos) {
            long elapsed = Math.max(0, nowNanos - atNanos);
            tokens = Math.min(burst, tokens + elapsed * perSecond / 1e9);
            atNanos = Math.max(atNanos, nowNanos);
        }
    }
}
