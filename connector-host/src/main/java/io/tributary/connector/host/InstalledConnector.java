package io.tributary.connector.host;

import io.tributary.connector.spi.ChangeFeed;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.MirrorQueries;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.Streams;
import io.tributary.connector.spi.Webhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A connector the host created, with its descriptor and facets read once, and where it came from.
 * The host asks this, never the connector, what the connector can do, so a connector's answer
 * cannot change while the server runs.
 */
public final class InstalledConnector {

    private final ConnectorDescriptor descriptor;
    private final Connector connector;
    private final Class<?> implementation;
    private final String spiVersion;
    private final String source;
    private final Optional<Webhooks> webhooks;
    private final Optional<Streams> streams;
    private final List<StreamDescriptor> streamDescriptors;
    private final Optional<ChangeFeed> changeFeed;
    private final Optional<MirrorQueries> mirrorQueries;
    private final List<CredentialField> credentialFields;
    private final boolean discoversStreams;

    InstalledConnector(ConnectorDescriptor descriptor, Connector connector, String spiVersion, String source,
                       Optional<Webhooks> webhooks, Optional<Streams> streams) {
        this(descriptor, connector, connector.getClass(), spiVersion, source, webhooks, streams,
                streams.flatMap(Streams::changeFeed), streams.flatMap(Streams::mirrorQueries));
    }

    /** @param streams the connector's own facet, not a proxy of it: whether it discovers is read from its class */
    InstalledConnector(ConnectorDescriptor descriptor, Connector connector, Class<?> implementation, String spiVersion,
                       String source, Optional<Webhooks> webhooks, Optional<Streams> streams, Optional<ChangeFeed> changeFeed,
                       Optional<MirrorQueries> mirrorQueries) {
        this(descriptor, connector, implementation, spiVersion, source, webhooks, streams, changeFeed, mirrorQueries,
                streams.map(InstalledConnector::discoversPerSource).orElse(false));
    }

    InstalledConnector(ConnectorDescriptor descriptor, Connector connector, Class<?> implementation, String spiVersion,
                       String source, Optional<Webhooks> webhooks, Optional<Streams> streams, Optional<ChangeFeed> changeFeed,
                       Optional<MirrorQueries> mirrorQueries, boolean discoversStreams) {
        this.discoversStreams = discoversStreams;
        this.implementation = Objects.requireNonNull(implementation, "implementation");
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.spiVersion = Objects.requireNonNull(spiVersion, "spiVersion");
        this.source = Objects.requireNonNull(source, "source");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.streamDescriptors = streams.map(Streams::descriptors).map(List::copyOf).orElse(List.of());
        this.changeFeed = Objects.requireNonNull(changeFeed, "changeFeed");
        this.mirrorQueries = Objects.requireNonNull(mirrorQueries, "mirrorQueries");
        List<CredentialField> fields = new ArrayList<>(descriptor.credentialFields());
        webhooks.ifPresent(capability -> fields.add(capability.signingSecretField()));
        this.credentialFields = List.copyOf(fields);
    }

    /** @return the type id, such as {@code stripe} */
    public String typeId() {
        return descriptor.typeId();
    }

    /** @return what the connector is, as its factory described it */
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    /** @return the connector */
    public Connector connector() {
        return connector;
    }

    /** @return the connector's own class (calls go through {@link #connector()}, which may wrap it) */
    public Class<?> implementation() {
        return implementation;
    }

    /** @return the SPI version the connector was built for */
    public String spiVersion() {
        return spiVersion;
    }

    /** @return the plugin directory or jar it was loaded from, for messages and the connector listing */
    public String source() {
        return source;
    }

    /** @return the webhook capability, if the connector has one */
    public Optional<Webhooks> webhooks() {
        return webhooks;
    }

    /** @return the streams capability, if the connector has one */
    public Optional<Streams> streams() {
        return streams;
    }

    /** @return the change feed, if the connector's streams have one */
    public Optional<ChangeFeed> changeFeed() {
        return changeFeed;
    }

    /** @return answers from the mirror, if the connector's streams give them */
    public Optional<MirrorQueries> mirrorQueries() {
        return mirrorQueries;
    }

    /** @return the streams the host can mirror; empty without the streams capability */
    public List<StreamDescriptor> streamDescriptors() {
        return streamDescriptors;
    }

    /**
     * The stream with this name.
     *
     * @param name the stream's name
     * @return the stream, or empty
     */
    public Optional<StreamDescriptor> stream(String name) {
        return streamDescriptors.stream().filter(stream -> stream.name().equals(name)).findFirst();
    }

    /**
     * Whether the connector's streams depend on the source ({@code Streams.discover} overridden): the
     * host then keeps each source's discovered streams, and {@link #streamDescriptors()} are only
     * those every source has (possibly none).
     *
     * @return whether streams are discovered per source
     */
    public boolean discoversStreams() {
        return discoversStreams;
    }

    static boolean discoversPerSource(Streams facet) {
        try {
            return facet.getClass().getMethod("discover", io.tributary.connector.spi.ConnectorContext.class).getDeclaringClass()
                    != Streams.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** @return whether the connector accepts signed webhooks */
    public boolean acceptsWebhooks() {
        return webhooks.isPresent();
    }

    /** @return the credential field holding the webhook signing secret, when webhooks are accepted */
    public Optional<CredentialField> signingSecretField() {
        return webhooks.map(Webhooks::signingSecretField);
    }

    /** @return every credential field a person fills in: the descriptor's, then the signing secret's */
    public List<CredentialField> credentialFields() {
        return credentialFields;
    }

    /**
     * The credential field with this name, the signing secret's included.
     *
     * @param name the field's name
     * @return the field, or empty
     */
    public Optional<CredentialField> credentialField(String name) {
        return credentialFields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return "InstalledConnector[" + typeId() + " for SPI " + spiVersion + " from " + source + "]";
    }
}
