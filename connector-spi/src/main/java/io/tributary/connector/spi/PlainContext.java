package io.tributary.connector.spi;

import java.time.Clock;
import java.util.function.Supplier;

/** The context {@link ConnectorContext.Builder} builds. */
record PlainContext(Supplier<Credentials> credentialSupplier, ConnectorSettings settings, Clock clock,
                    Timeouts timeouts) implements ConnectorContext {

    @Override
    public Credentials credentials() {
        return credentialSupplier.get();
    }

    @Override
    public String toString() {
        return "ConnectorContext[settings=" + settings + ", clock=" + clock + ", timeouts=" + timeouts + "]";
    }
}
