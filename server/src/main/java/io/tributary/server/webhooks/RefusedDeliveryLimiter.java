package io.tributary.server.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits, per source, how many deliveries failing their signature check are verified: a token
 * bucket that only refused deliveries drain. Once a source's bucket is empty, deliveries are
 * answered 429 before any signature work, so a flood of forgeries costs no CPU; genuine deliveries
 * never drain it, and the provider retries what was turned away.
 */
public final class RefusedDeliveryLimiter {

    private final double perSecond;
    private final int burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RefusedDeliveryLimiter(double perSecond, int burst, Clock clock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("A refusal rate above 0 and a burst of at least 1 are needed");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Whether a delivery to this source may be verified now. */
    public boolean mayVerify(String dataSourceId) {
        Bucket bucket = buckets.get(dataSourceId);
        return bucket == null || bucket.available(clock.millis()) >= 1;
    }

    /** A delivery failed its check: it takes a token. */
    public void refused(String dataSourceId) {
        buckets.computeIfAbsent(dataSourceId, id -> new Bucket(burst, clock.millis())).take(clock.millis());
    }

    /** How long until a token comes back. */
    public Duration retryAfter() {
        return Duration.ofMillis((long) Math.ceil(1000 / perSecond));
    }

    public void forget(String dataSourceId) {
        buckets.remove(dataSourceId);
    }

    private final class Bucket {
        private double tokens;
        private long atMillis;

        Bucket(double tokens, long atMillis) {
            this.tokens = tokens;
            this.atMillis = atMillis;
        }

        synchronized double available(long nowMillis) {
            refill(nowMillis);
            return tokens;
        }

        synchronized void take(long nowMillis) {
            refill(nowMillis);
            tokens = Math.max(0, tokens - 1);
        }

        private void refill(long nowMillis) {
            // A clock stepping back refills nothing, and never drains.
            long elapsed = Math.max(0, nowMillis - atMillis);
            tokens = Math.min(burst, tokens + elapsed * perSecond / 1000);
            atMillis = Math.max(atMillis, nowMillis);
        }
    }
}
