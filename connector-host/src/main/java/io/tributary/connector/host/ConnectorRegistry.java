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
 * The connectors installed in this process: those on the host's class path and those of the
 * plugins directory, each plugin in its own class loader. Loading fails loudly, with a
 * {@link ConnectorLoadException} naming the classes and jars (or the plugin's directory), when two
 * connectors claim one type id, one was built for an SPI version this host does not provide, its
 * settings are invalid or it fails to start: a server must not start with an ambiguous or broken
 * set of connectors. The one exception is a broken plugin when the operator chose to skip them;
 * it is then listed in {@link #brokenPlugins()}.
 */
public final class ConnectorRegistry implements AutoCloseable {

    private final Map<String, InstalledConnector> byTypeId;
    private final Plugins plugins;
    private final List<String> settingsWithoutConnector;

    private ConnectorRegistry(Map<String, InstalledConnector> byTypeId, Plugins plugins, List<String> settingsWithoutConnector) {
        this.byTypeId = byTypeId;
        this.plugins = plugins;
        this.settingsWithoutConnector = List.copyOf(settingsWithoutConnector);
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
        return create(discover(classLoader), settings);
    }

    /**
     * Installs the connectors on the host's class path (as tests and development runs put them
     * there) and those of the plugins directory, and checks that their type ids are unique across
     * both. A plugin clashing with a class path connector is the broken one.
     *
     * @param hostLoader the host's class loader: its {@code META-INF/services} files list the
     *     class path connectors, and plugins share its SPI and Jackson
     * @param pluginOptions the plugins directory (it need not exist) and whether to skip broken plugins
     * @param settings the operator's settings by type id ({@code connectors.<type id>})
     * @return the registry
     * @throws ConnectorLoadException when a class path connector cannot be installed, or a plugin
     *     is broken and broken plugins are not skipped (the message then starts by naming the
     *     plugin's directory)
     */
    public static ConnectorRegistry load(ClassLoader hostLoader, PluginOptions pluginOptions,
                                         Map<String, ? extends Map<String, ?>> settings) {
        return load(hostLoader, true, pluginOptions, settings);
    }

    /**
     * Like {@link #load(ClassLoader, PluginOptions, Map)}, optionally leaving the class path's
     * connectors out, so that only plugins run (as in a packaged server, whose class path has none).
     *
     * @param hostLoader the host's class loader
     * @param scanClassPath whether connectors on the host's class path are installed too
     * @param pluginOptions the plugins directory and whether to skip broken plugins
     * @param settings the operator's settings by type id
     * @return the registry
     * @throws ConnectorLoadException as {@link #load(ClassLoader, PluginOptions, Map)}
     */
    public static ConnectorRegistry load(ClassLoader hostLoader, boolean scanClassPath, PluginOptions pluginOptions,
                                         Map<String, ? extends Map<String, ?>> settings) {
        List<InstalledConnector> classPath = scanClassPath ? install(discover(hostLoader), settings) : List.of();
        Plugins plugins;
        try {
            plugins = Plugins.load(pluginOptions, hostLoader, settings, classPath);
        } catch (RuntimeException e) {
            closeAll(classPath);
            throw e;
        }
        try {
            return of(classPath, plugins, settings.keySet());
        } catch (RuntimeException e) {
            closeAll(classPath);
            plugins.close();
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
        List<InstalledConnector> installed = install(factories, settings);
        try {
            return of(installed, settings.keySet());
        } catch (RuntimeException e) {
            closeAll(installed);
            throw e;
        }
    }

    /** Installs each factory with the settings under its type id; all or none. */
    private static List<InstalledConnector> install(List<? extends ConnectorFactory> factories,
                                                    Map<String, ? extends Map<String, ?>> settings) {
        List<InstalledConnector> installed = new ArrayList<>();
        try {
            for (ConnectorFactory factory : factories) {
                installed.add(ConnectorInstaller.install(factory, sourceOf(factory.getClass()), settings.get(typeIdOf(factory))));
            }
            return installed;
        } catch (RuntimeException e) {
            closeAll(installed);
            throw e;
        }
    }

    private static void closeAll(Collection<InstalledConnector> installed) {
        installed.forEach(connector -> ConnectorInstaller.closeQuietly(connector.connector()));
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
        return of(installed, Plugins.none(), configuredTypeIds);
    }

    /**
     * A registry of connectors already installed from the class path and from plugins, checked
     * as {@link #of(Collection, Collection)} does. Settings for a type id no connector has are
     * refused, except while a plugin is broken (and skipped): they may be its connector's, so
     * they are only listed in {@link #settingsWithoutConnector()}.
     *
     * @param classPath the connectors from the host's class path
     * @param plugins the loaded plugins; the registry closes them
     * @param configuredTypeIds the type ids settings were given for
     * @return the registry
     * @throws ConnectorLoadException when two share a type id or settings name no connector
     */
    public static ConnectorRegistry of(Collection<InstalledConnector> classPath, Plugins plugins,
                                       Collection<String> configuredTypeIds) {
        List<InstalledConnector> installed = new ArrayList<>(classPath);
        installed.addAll(plugins.connectors());
        Map<String, InstalledConnector> byTypeId = new LinkedHashMap<>();
        for (InstalledConnector connector : installed) {
            InstalledConnector previous = byTypeId.putIfAbsent(connector.typeId(), connector);
            if (previous != null) {
                throw new ConnectorLoadException("Two connectors declare the type id '" + connector.typeId() + "': "
                        + previous.implementation().getName() + " in " + previous.source() + " and "
                        + connector.implementation().getName() + " in " + connector.source()
                        + ". Remove one of the two.", null);
            }
        }
        List<String> settingsWithoutConnector = configuredTypeIds.stream().filter(typeId -> !byTypeId.containsKey(typeId))
                .sorted().toList();
        if (!settingsWithoutConnector.isEmpty() && plugins.broken().isEmpty()) {
            String typeId = settingsWithoutConnector.get(0);
            throw new ConnectorLoadException("connectors." + typeId + " is configured, but no connector '" + typeId
                    + "' is installed (installed: " + String.join(", ", byTypeId.keySet()) + ")", null);
        }
        return new ConnectorRegistry(byTypeId, plugins, settingsWithoutConnector);
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

    /** @return the plugins whose connectors are installed, in name order; each lists its connectors and jars */
    public List<LoadedPlugin> plugins() {
        return plugins.loaded();
    }

    /** @return the plugins skipped as broken, each with the reason; empty unless broken plugins are skipped */
    public List<BrokenPlugin> brokenPlugins() {
        return plugins.broken();
    }

    /**
     * The plugin a connector came from.
     *
     * @param typeId the connector's type id
     * @return its plugin, or empty when the connector came from the host's class path or is not installed
     */
    public Optional<LoadedPlugin> pluginOf(String typeId) {
        return plugins.pluginOf(typeId);
    }

    /**
     * Type ids settings were configured for that no installed connector has; only ever non-empty
     * while a broken plugin is skipped (otherwise they stop start-up). Worth a warning: a typo, or
     * the broken plugin's connector.
     *
     * @return the type ids, sorted
     */
    public List<String> settingsWithoutConnector() {
        return settingsWithoutConnector;
    }

    /**
     * Closes every connector, then each plugin's class loader; a failure to close one does not
     * keep the others open.
     */
    @Override
    public void close() {
        byTypeId.values().stream()
                .filter(connector -> plugins.pluginOf(connector.typeId()).isEmpty())
                .forEach(connector -> ConnectorInstaller.closeQuietly(connector.connector()));
        plugins.close();
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
