package io.tributary.connector.spi;

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
 * The connectors installed in this process, found with {@link ServiceLoader}. Loading fails
 * loudly, with a {@link ConnectorLoadException} naming the classes and jars, when two connectors
 * claim one type id or when one was built for an SPI version this host does not provide: a
 * server must not start with an ambiguous or broken set of connectors.
 */
public final class ConnectorRegistry {

    private final Map<String, InstalledConnector> byTypeId;

    private ConnectorRegistry(Map<String, InstalledConnector> byTypeId) {
        this.byTypeId = byTypeId;
    }

    /**
     * Loads every connector visible to a class loader.
     *
     * @param classLoader the loader whose {@code META-INF/services} files list the connectors
     * @return the registry
     * @throws ConnectorLoadException when the connectors cannot be loaded together
     */
    public static ConnectorRegistry load(ClassLoader classLoader) {
        List<Connector> connectors = new ArrayList<>();
        ServiceLoader<Connector> loader = ServiceLoader.load(Connector.class, classLoader);
        for (ServiceLoader.Provider<Connector> provider : providers(loader)) {
            try {
                connectors.add(provider.get());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                throw new ConnectorLoadException("Connector " + provider.type().getName() + " in "
                        + sourceOf(provider.type()) + " could not be created: " + e.getMessage(), e);
            }
        }
        return of(connectors);
    }

    /**
     * A registry of the given connectors, checked as {@link #load} checks them.
     *
     * @param connectors the connectors
     * @return the registry
     * @throws ConnectorLoadException when the connectors cannot be loaded together
     */
    public static ConnectorRegistry of(Collection<? extends Connector> connectors) {
        Map<String, InstalledConnector> byTypeId = new LinkedHashMap<>();
        for (Connector connector : connectors) {
            InstalledConnector installed = install(connector);
            InstalledConnector previous = byTypeId.putIfAbsent(installed.typeId(), installed);
            if (previous != null) {
                throw new ConnectorLoadException("Two connectors declare the type id '" + installed.typeId() + "': "
                        + previous.connector().getClass().getName() + " in " + previous.source() + " and "
                        + connector.getClass().getName() + " in " + installed.source()
                        + ". Remove one of the two jars.", null);
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

    private static InstalledConnector install(Connector connector) {
        String source = sourceOf(connector.getClass());
        String builtFor;
        ConnectorDescriptor descriptor;
        try {
            builtFor = connector.spiVersion();
        } catch (RuntimeException | LinkageError e) {
            throw new ConnectorLoadException("Connector " + connector.getClass().getName() + " in " + source
                    + " cannot say which SPI version it was built for: " + e, e);
        }
        if (!SpiVersion.isCompatible(builtFor)) {
            throw new ConnectorLoadException("Connector " + connector.getClass().getName() + " in " + source
                    + " was built for connector SPI " + builtFor + ", but this server provides SPI " + SpiVersion.CURRENT
                    + " (connectors must match its major version and not be newer). Install a build of the connector for SPI "
                    + SpiVersion.MAJOR + ".x.", null);
        }
        try {
            descriptor = connector.descriptor();
        } catch (RuntimeException | LinkageError e) {
            throw new ConnectorLoadException("Connector " + connector.getClass().getName() + " in " + source
                    + " failed to describe itself: " + e.getMessage(), e);
        }
        if (descriptor == null) {
            throw new ConnectorLoadException("Connector " + connector.getClass().getName() + " in " + source
                    + " returned no descriptor", null);
        }
        return new InstalledConnector(connector, descriptor, source);
    }

    private static List<ServiceLoader.Provider<Connector>> providers(ServiceLoader<Connector> loader) {
        try {
            return loader.stream().toList();
        } catch (ServiceConfigurationError e) {
            // A services file names a class that is missing or not a Connector.
            throw new ConnectorLoadException("A connector listed in META-INF/services cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static String sourceOf(Class<?> type) {
        CodeSource codeSource = type.getProtectionDomain().getCodeSource();
        URL location = codeSource == null ? null : codeSource.getLocation();
        return location == null ? "(unknown location)" : location.toString();
    }
}
