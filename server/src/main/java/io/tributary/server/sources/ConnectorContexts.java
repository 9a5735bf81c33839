package io.tributary.server.sources;

import io.tributary.connector.host.Contexts;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.spi.WebhookContext;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the context each connector operation receives: the server's clock, and credentials through a supplier that decrypts at most once per operation, so
 * one operation is one audited decryption however often the connector asks.
 */
public final class ConnectorContexts {

    private final Clock clock;

    public ConnectorContexts(Clock clock) {
        this.clock = clock;
    }

    public ConnectorContext forOperation(Supplier<Credentials> decrypt) {
        return Contexts.builder().credentials(new Once(decrypt)).clock(clock).build();
    }

    /** Credentials given in a request: nothing to decrypt. */
    public ConnectorContext withPlainCredentials(Credentials credentials) {
        return forOperation(() -> credentials);
    }

    /**
     * For verifying a webhook delivery: the signing secrets come with the request, and the
     * source's credentials are not in reach at all (the SPI's type has none).
     */
    public WebhookContext forWebhook() {
        return WebhookContext.of(clock);
    }

    /** A verification's context with the source's verification fields (its plain fields, never a secret). */
    public WebhookContext forWebhook(java.util.Map<String, String> verificationFields) {
        return WebhookContext.of(clock, verificationFields);
    }

    public Clock clock() {
        return clock;
    }

    /** Now, to the microsecond PostgreSQL stores, so what is returned equals what is read back. */
    public java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** Calls the supplier on first use only. */
    private static final class Once implements Supplier<Credentials> {
        private final Supplier<Credentials> source;
        private Credentials value;

        Once(Supplier<Credentials> source) {
            this.source = source;
        }

        @Override
        public synchronized Credentials get() {
            if (value == null) {
                value = source.get();
            }
            return value;
        }
    }
}
