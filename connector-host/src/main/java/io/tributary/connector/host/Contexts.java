package io.tributary.connector.host;

import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.spi.Timeouts;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** Builds plain {@link ConnectorContext}s, for hosts, tools and tests. */
public final class Contexts {

    private Contexts() {
    }

    /**
     * A builder.
     *
     * @return a builder with the UTC system clock and {@link Timeouts#DEFAULT}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A context around fixed credentials, the UTC system clock and default timeouts.
     *
     * @param credentials field name to value
     * @return the context
     */
    public static ConnectorContext of(Map<String, String> credentials) {
        Credentials fixed = new Credentials(credentials);
        return builder().credentials(() -> fixed).build();
    }

    /** Builds a plain {@link ConnectorContext}. */
    public static final class Builder {
        private Supplier<Credentials> credentials;
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
            return new PlainContext(credentials, clock, timeouts);
        }
    }
}
