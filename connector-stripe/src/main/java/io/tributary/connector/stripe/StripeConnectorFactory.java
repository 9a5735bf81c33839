package io.tributary.connector.stripe;

import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.ConnectorFactory;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.SpiVersion;
import java.util.List;

/**
 * The Stripe connector's entry point, found by {@link java.util.ServiceLoader}: describes the
 * connector and its settings ({@code connectors.stripe.*}) and creates the {@link StripeConnector}.
 */
public final class StripeConnectorFactory implements ConnectorFactory {

    /** For {@link java.util.ServiceLoader}. */
    public StripeConnectorFactory() {
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return StripeDescriptor.DESCRIPTOR;
    }

    @Override
    public List<ParameterSpec> settings() {
        return StripeSettings.SCHEMA;
    }

    @Override
    public Connector create(ConnectorSettings settings) {
        return new StripeConnector(StripeSettings.from(settings));
    }
}
