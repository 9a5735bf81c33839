package io.tributary.connector.stripe;

import io.tributary.connector.spi.ConnectorContext;
import java.util.function.Supplier;

/**
 * Opens each operation's {@link StripeSession} with the connector's settings and its per-key
 * accounts: the one thing the connector holds between operations, released by {@link #close()}.
 */
final class StripeSessions implements AutoCloseable {

    private final StripeSettings settings;
    private final StripeAccounts accounts;
    private volatile boolean closed;

    StripeSessions(StripeSettings settings) {
        this.settings = settings;
        this.accounts = new StripeAccounts(settings);
    }

    /**
     * A session for one operation; reads the context's credentials.
     *
     * @throws IllegalStateException after {@link #close()}: the host calls nothing once it closed
     *     the connector, so a call then is the host's bug
     */
    StripeSession open(ConnectorContext context) {
        if (closed) {
            throw new IllegalStateException("The Stripe connector is closed");
        }
        return StripeSession.open(context, settings, accounts);
    }

    /** A session opened only when first asked for, so an operation that needs none reads no credentials. */
    Supplier<StripeSession> onDemand(ConnectorContext context) {
        return new OnDemandSession(() -> open(context));
    }

    /** Forgets every account. Stripe's clients live for one operation each, so nothing else is held. */
    @Override
    public void close() {
        closed = true;
        accounts.clear();
    }
}
