package io.tributary.connector.host;

import io.tributary.connector.spi.ConnectorFactory;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The connectors installed in this process. Loading fails loudly, with a
 * {@link ConnectorLoadException} naming the classes and jars, when two connectors claim one type
 * id, one was built for an SPI version this host does not provide, its settings are invalid or it
 * fails to start: a server must not start with an ambiguous or broken set of connectors.
 */
public final class ConnectorRegistry implements AutoCloseable {

    private final Map<String, InstalledConnector> byTypeId;

    private ConnectorRegistry(Map<String, InstalledConnector> byTypeId) {
        this.byTypeId = byTypeId;
    }

    /**
     * Finds the connector factories visible to a class loader and installs each.
     *
     * @param classLoader the loader whose {@code META-INF/services} files list the factories
     * @param settings the operator's settings by type id ({@code connectors.<type id>})
     * @return the registry
     * @throws ConnectorLoadException when the connectors cannot be loaded together
     */
    public static ConnectorRegistry load(ClassLoader classLoader, Map<String, ? extends Map<String, ?>> settings) {
        List<InstalledConnector> installed = new ArrayList<>();
        try {
            for (ConnectorFactory factory : discover(classLoader)) {
                String typeId = typeIdOf(factory);
                installed.add(ConnectorInstaller.install(factory, sourceOf(factory.getClass()), settings.get(typeId)));
            }
            return of(installed, settings.keySet());
        } catch (RuntimeException e) {
            installed.forEach(connector -> ConnectorInstaller.closeQuietly(connector.connector()));
            throw e;
        }
    }

    /**
     * Installs the given factories, each with the settings under its type id.
     *
     * @param factories the factories
     * @param settings the operator's settings by type id
     * @return the registry
     * @throws ConnectorLoadException when the connectors cannot be loaded together
     */
    public static ConnectorRegistry create(List<? extends ConnectorFactory> factories, Map<String, ? extends Map<String, ?>> settings) {
        List<InstalledConnector> installed = new ArrayList<>();
        try {
            for (ConnectorFactory factory : factories) {
                installed.add(ConnectorInstaller.install(factory, sourceOf(factory.getClass()), settings.get(typeIdOf(factory))));
            }
            return of(installed, settings.keySet());
        } catch (RuntimeException e) {
            installed.forEach(connector -> ConnectorInstaller.closeQuietly(connector.connector()));
            throw e;
        }
    }

    /**
     * Installs the given factories with default settings.
     *
     * @param factories the factories
     * @return the registry
     */
    public static ConnectorRegistry create(ConnectorFactory... factories) {
        return create(List.of(factories), Map.of());
    }

    /**
     * A registry of connectors already installed, checked for clashing type ids, and for settings
     * configured for a type id that no connector has (a typo would otherwise be ignored).
     *
     * @param installed the connectors
     * @param configuredTypeIds the type ids settings were given for
     * @return the registry
     * @throws ConnectorLoadException when two share a type id or settings name no connector
     */
    public static ConnectorRegistry of(Collection<InstalledConnector> installed, Collection<String> configuredTypeIds) {
        Map<String, InstalledConnector> byTypeId = new LinkedHashMap<>();
        for (InstalledConnector connector : installed) {
            InstalledConnector previous = byTypeId.putIfAbsent(connector.typeId(), connector);
            if (previous != null) {
                throw new ConnectorLoadException("Two connectors declare the type id '" + connector.typeId() + "': "
                        + previous.connector().getClass().getName() + " in " + previous.source() + " and "
                        + connector.connector().getClass().getName() + " in " + connector.source()
                        + ". Remove one of the two.", null);
            }
        }
        for (String typeId : configuredTypeIds) {
            if (!byTypeId.containsKey(typeId)) {
                throw new ConnectorLoadException("connectors." + typeId + " is configured, but no connector '" + typeId
                        + "' is installed (installed: " + String.join(", ", byTypeId.keySet()) + ")", null);
            }
        }
        return new ConnectorRegistry(byTypeId);
    }

    /**
     * Every installed connector, in load order.
     *
     * @return the connectors
     */
    public List<InstalledConnector> installed() {
        return List.copyOf(byTypeId.values());
    }

    /**
     * The connector with a type id.
     *
     * @param typeId a type id such as {@code stripe}
     * @return the connector, or empty when none is installed by that id
     */
    public Optional<InstalledConnector> find(String typeId) {
        return Optional.ofNullable(byTypeId.get(typeId));
    }

    /** Closes every connector; a failure to close one does not keep the others open. */
    @Override
    public void close() {
        byTypeId.values().forEach(connector -> ConnectorInstaller.closeQuietly(connector.connector()));
    }

    /**
     * The factories a class loader's services files list.
     *
     * @param classLoader the loader
     * @return the factories, created
     * @throws ConnectorLoadException when one cannot be loaded or created
     */
    public static List<ConnectorFactory> discover(ClassLoader classLoader) {
        List<ConnectorFactory> factories = new ArrayList<>();
        ServiceLoader<ConnectorFactory> loader = ServiceLoader.load(ConnectorFactory.class, classLoader);
        List<ServiceLoader.Provider<ConnectorFactory>> providers;
        try {
            providers = loader.stream().toList();
        } catch (ServiceConfigurationError e) {
            // A services file names a class that is missing or not a ConnectorFactory.
            throw new ConnectorLoadException("A connector listed in META-INF/services cannot be loaded: " + e.getMessage(), e);
        }
        for (ServiceLoader.Provider<ConnectorFactory> provider : providers) {
            try {
                factories.add(provider.get());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                throw new ConnectorLoadException("Connector " + provider.type().getName() + " in "
                        + sourceOf(provider.type()) + " could not be created: " + e.getMessage(), e);
            }
        }
        return factories;
    }

    private static String typeIdOf(ConnectorFactory factory) {
        try {
            return factory.descriptor().typeId();
        } catch (RuntimeException | LinkageError e) {
            return "(unknown)"; // the installer reports the failure with its context
        }
    }

    /**
     * Where a class was loaded from.
     *
     * @param type the class
     * @return its jar or directory, or {@code (unknown location)}
     */
    public static String sourceOf(Class<?> type) {
        CodeSource codeSource = type.getProtectionDomain().getCodeSource();
        URL location = codeSource == null ? null : codeSource.getLocation();
        return location == null ? "(unknown location)" : location.toString();
    }
}
