package io.tributary.connector.spi;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the host hands a connector for one operation on one data source.
 *
 * <p>Credentials come through {@link #credentials()} rather than as a value so the host decides,
 * and records in its audit log, each decryption. Call it when you need the credentials, once per
 * operation, and keep the result in a local variable rather than a field.
 *
 * <p>The host implements this interface; it grows only by {@code default} methods.
 */
public interface ConnectorContext {

    /**
     * The data source's credentials. Each call may decrypt them anew and be audited.
     *
     * @return the credentials
     */
    Credentials credentials();

    /**
     * The connector's settings from the server configuration.
     *
     * @return the settings
     */
    ConnectorSettings settings();

    /**
     * The clock to read "now" from; never use the system clock directly, so tests and the host
     * control time.
     *
     * @return the clock
     */
    Clock clock();

    /**
     * How long the connector may wait.
     *
     * @return the timeouts
     */
    Timeouts timeouts();

    /**
     * A builder for a plain context, for hosts, tools and tests.
     *
     * @return a builder with empty settings, the UTC system clock and {@link Timeouts#DEFAULT}
     */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a plain {@link ConnectorContext}. */
    final class Builder {
        private Supplier<Credentials> credentials;
        private ConnectorSettings settings = ConnectorSettings.EMPTY;
        private Clock clock = Clock.systemUTC();
        private Timeouts timeouts = Timeouts.DEFAULT;

        private Builder() {
        }

        /**
         * Where credentials come from; required.
         *
         * @param supplier called on each {@link ConnectorContext#credentials()}
         * @return this builder
         */
        public Builder credentials(Supplier<Credentials> supplier) {
            this.credentials = Objects.requireNonNull(supplier, "supplier");
            return this;
        }

        /**
         * The connector's settings.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder settings(ConnectorSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The timeouts.
         *
         * @param timeouts the timeouts
         * @return this builder
         */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /**
         * The context.
         *
         * @return a new context
         */
        public ConnectorContext build() {
            Objects.requireNonNull(credentials, "credentials supplier");
            return new PlainContext(credentials, settings, clock, timeouts);
        }
    }
}
