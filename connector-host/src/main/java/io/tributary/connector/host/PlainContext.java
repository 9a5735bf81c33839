package io.tributary.connector.host;

import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.spi.Timeouts;
import java.time.Clock;
import java.util.function.Supplier;

/** The context {@link Contexts.Builder} builds. */
record PlainContext(Supplier<Credentials> credentialSupplier, Clock clock, Timeouts timeouts) implements ConnectorContext {

    @Override
    public Credentials credentials() {
        return credentialSupplier.get();
    }

    @Override
    public String toString() {
        return "ConnectorContext[clock=" + clock + ", timeouts=" + timeouts + "]";
    }
}
