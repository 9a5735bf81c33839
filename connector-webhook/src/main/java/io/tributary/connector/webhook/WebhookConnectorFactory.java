package io.tributary.connector.webhook;

import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.ConnectorFactory;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.SpiVersion;
import java.util.List;

/** The webhook connector's entry point: any JSON your systems send, signed. */
public final class WebhookConnectorFactory implements ConnectorFactory {

    static final String TYPE_ID = "webhook";

    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder(TYPE_ID, "Signed webhooks",
                    "Any JSON your own systems send, signed (Standard Webhooks, Stripe-style or GitHub-style) and kept as"
                    + " deliveries: the latest value, counts and sums over a window, the newest deliveries.")
            .credentialField(WebhookCredentials.SCHEME_FIELD, WebhookCredentials.KEEP_HEADERS_FIELD)
            .queryType(WebhookQueryTypes.all().toArray(QueryType[]::new))
            .build();

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<ParameterSpec> settings() {
        return WebhookSettings.schema();
    }

    @Override
    public Connector create(ConnectorSettings settings) {
        return new WebhookConnector(WebhookSettings.from(settings));
    }
}
