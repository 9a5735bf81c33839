package io.tributary.server.problems;

import java.time.Duration;

/** Asked too often: refused unchecked until {@link #retryAfter()} has passed. */
public final class RateLimited extends Problem {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimited(String code, String message, Duration retryAfter) {
        super(code, message, null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
