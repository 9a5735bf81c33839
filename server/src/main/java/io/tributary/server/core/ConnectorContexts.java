package io.tributary.server.core;

import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.Credentials;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the context each connector operation receives: its settings from the configuration, the
 * server's clock, and credentials through a supplier that decrypts at most once per operation, so
 * one operation is one audited decryption however often the connector asks.
 */
public final class ConnectorContexts {

    private final Map<String, Map<String, String>> settings;
    private final Clock clock;

    public ConnectorContexts(Map<String, Map<String, String>> settings, Clock clock) {
        this.settings = Map.copyOf(settings);
        this.clock = clock;
    }

    public ConnectorContext forOperation(String type, Supplier<Credentials> decrypt) {
        return ConnectorContext.builder()
                .credentials(new Once(decrypt))
                .settings(new ConnectorSettings(settings.getOrDefault(type, Map.of())))
                .clock(clock)
                .build();
    }

    /** Credentials given in a request: nothing to decrypt. */
    public ConnectorContext withPlainCredentials(String type, Credentials credentials) {
        return forOperation(type, () -> credentials);
    }

    /**
     * For verifying a webhook delivery: the signing secrets come with the request, and the
     * source's credentials stay closed, so a forged delivery can never make the server open them.
     */
    public ConnectorContext withoutCredentials(String type) {
        return forOperation(type, () -> {
            throw new IllegalStateException("A webhook delivery is verified without the source's credentials");
        });
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
