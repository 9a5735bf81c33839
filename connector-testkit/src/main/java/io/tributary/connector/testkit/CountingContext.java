package io.tributary.connector.testkit;

import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.spi.Timeouts;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a context and counts how often the connector asked for credentials. */
final class CountingContext implements ConnectorContext {

    private final ConnectorContext delegate;
    private final AtomicInteger credentialReads = new AtomicInteger();

    CountingContext(ConnectorContext delegate) {
        this.delegate = delegate;
    }

    int credentialReads() {
        return credentialReads.get();
    }

    @Override
    public Credentials credentials() {
        credentialReads.incrementAndGet();
        return delegate.credentials();
    }

    @Override
    public Clock clock() {
        return delegate.clock();
    }

    @Override
    public Timeouts timeouts() {
        return delegate.timeouts();
    }
}
