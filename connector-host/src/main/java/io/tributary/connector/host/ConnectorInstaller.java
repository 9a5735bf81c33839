package io.tributary.connector.host;

import io.tributary.connector.spi.ChangeFeed;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.ConnectorFactory;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.MirrorQueries;
import io.tributary.connector.spi.SpiVersion;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.Streams;
import io.tributary.connector.spi.Webhooks;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@link ConnectorFactory} into an {@link InstalledConnector}: checks the SPI version it
 * was built for, validates the operator's settings against its schema, creates the connector, and
 * checks the facets it returns. Every failure is a {@link ConnectorLoadException} that names the
 * class and where it came from.
 */
public final class ConnectorInstaller {

    private ConnectorInstaller() {
    }

    /**
     * Installs one connector.
     *
     * @param factory the factory
     * @param source the plugin directory or jar it came from, for messages
     * @param rawSettings the operator's settings under {@code connectors.<type id>}, as configured
     *     (strings, numbers, booleans); empty when none
     * @return the installed connector
     * @throws ConnectorLoadException when it cannot be installed
     */
    public static InstalledConnector install(ConnectorFactory factory, String source, Map<String, ?> rawSettings) {
        return install(factory, source, rawSettings, null);
    }

    /**
     * Installs one connector whose every later call runs with a class loader as the thread's
     * context class loader (a plugin's own; see {@link CallsIn}).
     *
     * @param factory the factory
     * @param source the plugin directory or jar it came from, for messages
     * @param rawSettings the operator's settings under {@code connectors.<type id>}
     * @param contextLoader the loader to run its calls under, or null to leave the thread's alone
     * @return the installed connector
     * @throws ConnectorLoadException when it cannot be installed
     */
    public static InstalledConnector install(ConnectorFactory factory, String source, Map<String, ?> rawSettings,
                                             ClassLoader contextLoader) {
        String name = factory.getClass().getName();
        String builtFor;
        try {
            builtFor = factory.spiVersion();
        } catch (RuntimeException | LinkageError e) {
            throw new ConnectorLoadException("Connector " + name + " in " + source
                    + " cannot say which SPI version it was built for: " + e, e);
        }
        if (!SpiVersion.isCompatible(builtFor)) {
            throw new ConnectorLoadException("Connector " + name + " in " + source
                    + " was built for connector SPI " + builtFor + ", but this server provides SPI " + SpiVersion.CURRENT
                    + " (connectors must match its major version and not be newer). Install a build of the connector for SPI "
                    + SpiVersion.MAJOR + ".x.", null);
        }
        ConnectorDescriptor descriptor;
        try {
            descriptor = factory.descriptor();
        } catch (RuntimeException | LinkageError e) {
            throw new ConnectorLoadException("Connector " + name + " in " + source + " failed to describe itself: " + e.getMessage(), e);
        }
        if (descriptor == null) {
            throw new ConnectorLoadException("Connector " + name + " in " + source + " returned no descriptor", null);
        }
        ConnectorSettings settings;
        try {
            settings = SettingsValidator.validate(descriptor.typeId(), factory.settings(), rawSettings);
        } catch (RuntimeException | LinkageError e) {
            if (e instanceof ConnectorLoadException load) {
                throw new ConnectorLoadException(load.getMessage() + " (connector " + name + " in " + source + ")", null);
            }
            throw new ConnectorLoadException("Connector " + name + " in " + source + " failed to declare its settings: " + e, e);
        }
        Connector connector;
        try {
            connector = factory.create(settings);
        } catch (RuntimeException | LinkageError e) {
            throw new ConnectorLoadException("Connector " + name + " in " + source + " could not be created: " + e, e);
        }
        if (connector == null) {
            throw new ConnectorLoadException("Connector " + name + " in " + source + " created nothing", null);
        }
        try {
            return facetsChecked(descriptor, connector, builtFor, source, name, contextLoader);
        } catch (RuntimeException | LinkageError e) {
            closeQuietly(connector);
            throw e instanceof ConnectorLoadException load ? load
                    : new ConnectorLoadException("Connector " + name + " in " + source + " failed to say what it can do: " + e, e);
        }
    }

    private static InstalledConnector facetsChecked(ConnectorDescriptor descriptor, Connector connector, String builtFor,
                                                    String source, String name, ClassLoader loader) {
        Optional<Webhooks> webhooks = nonNull(connector.webhooks(), "webhooks()", name, source);
        Optional<Streams> streams = nonNull(connector.streams(), "streams()", name, source);
        if (webhooks.isPresent()) {
            CredentialField secret = webhooks.get().signingSecretField();
            if (secret == null || !secret.secret()) {
                throw new ConnectorLoadException("Connector " + name + " in " + source
                        + ": its webhooks' signing secret field must be a secret credential field", null);
            }
            if (descriptor.credentialField(secret.name()).isPresent()) {
                throw new ConnectorLoadException("Connector " + name + " in " + source + ": the signing secret field '"
                        + secret.name() + "' must not also be one of the descriptor's credential fields", null);
            }
            Set<String> verificationFields = webhooks.get().verificationFields();
            if (verificationFields == null) {
                throw new ConnectorLoadException("Connector " + name + " in " + source
                        + ": webhooks().verificationFields() returned null; return an empty set for none", null);
            }
            for (String field : verificationFields) {
                if (descriptor.credentialField(field).filter(candidate -> !candidate.secret()).isEmpty()) {
                    throw new ConnectorLoadException("Connector " + name + " in " + source + ": the verification field '" + field
                            + "' must be one of the descriptor's plain (not secret) credential fields", null);
                }
            }
        }
        List<CredentialField> fields = new java.util.ArrayList<>(descriptor.credentialFields());
        webhooks.ifPresent(facet -> fields.add(facet.signingSecretField()));
        GeneratedSecrets sample = new GeneratedSecrets(new java.security.SecureRandom());
        for (CredentialField field : fields) {
            if (field.generatedWhenEmpty().isPresent() && !field.accepts(sample.generate(field.generatedWhenEmpty().get()))) {
                throw new ConnectorLoadException("Connector " + name + " in " + source + ": the secret it generates for '"
                        + field.name() + "' does not match the field's own pattern", null);
            }
        }
        if (streams.isPresent()) {
            List<StreamDescriptor> descriptors = streams.get().descriptors();
            if (descriptors == null || descriptors.isEmpty() && !InstalledConnector.discoversPerSource(streams.get())) {
                throw new ConnectorLoadException("Connector " + name + " in " + source
                        + ": its streams capability declares no stream", null);
            }
            Set<String> names = new HashSet<>();
            for (StreamDescriptor stream : descriptors) {
                if (stream.pushed() && webhooks.isEmpty()) {
                    throw new ConnectorLoadException("Connector " + name + " in " + source + ": stream '" + stream.name()
                            + "' is pushed, but the connector takes no webhooks to push it", null);
                }
                if (!names.add(stream.name())) {
                    throw new ConnectorLoadException("Connector " + name + " in " + source + ": stream '" + stream.name()
                            + "' is declared twice", null);
                }
            }
        }
        Optional<ChangeFeed> changeFeed = streams.isPresent()
                ? nonNull(streams.get().changeFeed(), "streams().changeFeed()", name, source) : Optional.empty();
        Optional<MirrorQueries> mirrorQueries = streams.isPresent()
                ? nonNull(streams.get().mirrorQueries(), "streams().mirrorQueries()", name, source) : Optional.empty();
        return new InstalledConnector(descriptor, CallsIn.contextOf(Connector.class, connector, loader), connector.getClass(), builtFor, source,
                webhooks.map(facet -> CallsIn.contextOf(Webhooks.class, facet, loader)),
                streams.map(facet -> CallsIn.contextOf(Streams.class, facet, loader)),
                changeFeed.map(facet -> CallsIn.contextOf(ChangeFeed.class, facet, loader)),
                mirrorQueries.map(facet -> CallsIn.contextOf(MirrorQueries.class, facet, loader)),
                streams.map(InstalledConnector::discoversPerSource).orElse(false));
    }

    private static <T> Optional<T> nonNull(Optional<T> facet, String method, String name, String source) {
        if (facet == null) {
            throw new ConnectorLoadException("Connector " + name + " in " + source + ": " + method
                    + " returned null; return Optional.empty() for a capability it does not have", null);
        }
        return facet;
    }

    static void closeQuietly(Connector connector) {
        try {
            connector.close();
        } catch (RuntimeException | LinkageError ignored) {
            // Closing is best effort: the connector is being thrown away.
        }
    }
}
