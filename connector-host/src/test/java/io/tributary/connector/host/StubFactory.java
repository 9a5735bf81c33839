package io.tributary.connector.host;

import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.ConnectorFactory;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.ResultField;
import io.tributary.connector.spi.SpiVersion;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A factory for host tests, each part replaceable: {@code StubFactory.of("acme").creating(settings -> ...)}.
 * It counts its {@code create} calls and keeps the settings it was created with.
 */
final class StubFactory implements ConnectorFactory {

    final AtomicInteger creates = new AtomicInteger();
    final AtomicReference<ConnectorSettings> createdWith = new AtomicReference<>();
    private final Supplier<String> spiVersion;
    private final Supplier<ConnectorDescriptor> descriptor;
    private final List<ParameterSpec> settings;
    private final Function<ConnectorSettings, Connector> creator;

    private StubFactory(Supplier<String> spiVersion, Supplier<ConnectorDescriptor> descriptor, List<ParameterSpec> settings,
                        Function<ConnectorSettings, Connector> creator) {
        this.spiVersion = spiVersion;
        this.descriptor = descriptor;
        this.settings = settings;
        this.creator = creator;
    }

    /** A factory of {@link StubConnector}s for SPI {@link SpiVersion#CURRENT}, without settings. */
    static StubFactory of(String typeId) {
        ConnectorDescriptor described = descriptor(typeId);
        return new StubFactory(() -> SpiVersion.CURRENT, () -> described, List.of(), settings -> new StubConnector());
    }

    /** A descriptor with an {@code api_key} credential and one {@code <typeId>.count} query. */
    static ConnectorDescriptor descriptor(String typeId) {
        return ConnectorDescriptor.builder(typeId, "Stub " + typeId, "A connector for host tests.")
                .credentialField(CredentialField.secret("api_key", "API key").pattern("key_\\w+").build())
                .queryType(QueryType.builder(typeId + ".count", "Counts.")
                        .resultField(ResultField.of("count", FieldType.INTEGER, "The count.")).build())
                .build();
    }

    StubFactory reporting(Supplier<String> version) {
        return new StubFactory(version, descriptor, settings, creator);
    }

    StubFactory describing(Supplier<ConnectorDescriptor> described) {
        return new StubFactory(spiVersion, described, settings, creator);
    }

    StubFactory withSettings(ParameterSpec... specs) {
        return new StubFactory(spiVersion, descriptor, List.of(specs), creator);
    }

    StubFactory creating(Function<ConnectorSettings, Connector> connector) {
        return new StubFactory(spiVersion, descriptor, settings, connector);
    }

    @Override
    public String spiVersion() {
        return spiVersion.get();
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor.get();
    }

    @Override
    public List<ParameterSpec> settings() {
        return settings;
    }

    @Override
    public Connector create(ConnectorSettings given) {
        creates.incrementAndGet();
        createdWith.set(given);
        return creator.apply(given);
    }
}
