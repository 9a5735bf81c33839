package io.tributary.connector.spi;

import java.time.Clock;

/**
 * What the host hands {@link Webhooks#verify}: deliberately no credentials, so a delivery is
 * verified before any secret of the source is decrypted. The host implements this interface; it
 * grows only by {@code default} methods.
 */
public interface WebhookContext {

    /**
     * The clock to judge a delivery's timestamp by; never use the system clock directly.
     *
     * @return the clock
     */
    Clock clock();

    /**
     * A context around a clock, for hosts and tests.
     *
     * @param clock the clock
     * @return the context
     */
    static WebhookContext of(Clock clock) {
        java.util.Objects.requireNonNull(clock, "clock");
        return () -> clock;
    }
}
