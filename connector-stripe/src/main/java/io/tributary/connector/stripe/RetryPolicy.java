package io.tributary.connector.stripe;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a failed Stripe request is retried: exponential backoff with full jitter, a bounded number
 * of attempts, and never past the operation's deadline.
 *
 * @param maxAttempts the most attempts, the first included (1 means never retry)
 * @param baseDelay the backoff before the second attempt, before jitter
 * @param maxDelay the longest backoff between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** Five attempts, 500 ms doubling to at most 8 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8));

    /** Checks the inputs. */
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 20");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= baseDelay <= maxDelay");
        }
    }

    /**
     * The pause after a failed attempt: a random duration between zero and
     * {@code min(maxDelay, baseDelay * 2^(attempt-1))} (full jitter, so many clients that failed
     * together do not retry together), but never shorter than what Stripe asked for.
     *
     * @param failedAttempt the attempt that failed, from 1
     * @param requested the delay Stripe asked for (Retry-After), or {@link Duration#ZERO}
     * @param random the randomness
     * @return the pause
     */
    public Duration backoff(int failedAttempt, Duration requested, RandomGenerator random) {
        long base = baseDelay.toMillis();
        long ceiling = Math.min(maxDelay.toMillis(), base << Math.min(failedAttempt - 1, 20));
        long jittered = ceiling <= 0 ? 0 : random.nextLong(ceiling + 1);
        return Duration.ofMillis(Math.max(jittered, requested.toMillis()));
    }
}
