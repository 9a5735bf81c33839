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
     * The value of one of {@link Webhooks#verificationFields()} for the source the delivery came
     * to. Since SPI 2.2.
     *
     * @param name one of the names {@link Webhooks#verificationFields()} returns
     * @return the value, or empty when the source left the field empty (or the host predates 2.2)
     */
    default java.util.Optional<String> verificationField(String name) {
        return java.util.Optional.empty();
    }

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

    /**
     * A context around a clock and a source's verification fields, for hosts and tests. Since SPI 2.2.
     *
     * @param clock the clock
     * @param verificationFields the values of the connector's {@link Webhooks#verificationFields()}
     * @return the context
     */
    static WebhookContext of(Clock clock, java.util.Map<String, String> verificationFields) {
        java.util.Objects.requireNonNull(clock, "clock");
        java.util.Map<String, String> fields = java.util.Map.copyOf(verificationFields);
        return new WebhookContext() {
            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public java.util.Optional<String> verificationField(String name) {
                return java.util.Optional.ofNullable(fields.get(name));
            }
        };
    }
}
