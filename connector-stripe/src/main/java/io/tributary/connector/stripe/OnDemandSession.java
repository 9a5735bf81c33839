package io.tributary.connector.stripe;

import java.util.function.Supplier;

/**
 * A session opened the first time it is asked for, then kept: one operation reads the credentials
 * at most once, and not at all when it never needs stripe-java's client. Used within one operation,
 * on one thread.
 */
final class OnDemandSession implements Supplier<StripeSession> {

    private final Supplier<StripeSession> opener;
    private StripeSession session;

    OnDemandSession(Supplier<StripeSession> opener) {
        this.opener = opener;
    }

    @Override
    public StripeSession get() {
        if (session == null) {
            session = opener.get();
        }
        return session;
    }
}
