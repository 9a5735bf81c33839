package io.tributary.connector.host;

import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;

/**
 * Installs one plugin: checks its jars, gives it its own {@link PluginClassLoader}, finds its
 * connector factories and installs each with {@link ConnectorInstaller}. All of it runs with the
 * plugin's loader as the thread's context class loader, since a factory's libraries may look
 * classes up through it. A plugin is all or nothing: on any failure the connectors it already
 * created are closed, its loader is closed, and a {@link ConnectorLoadException} says why.
 */
final class PluginInstaller {

    private static final String SERVICES_FILE = "META-INF/services/" + ConnectorFactory.class.getName();

    private PluginInstaller() {
    }

    /**
     * Installs a plugin.
     *
     * @param plugin the plugin's directory
     * @param host the host's class loader, which must see the SPI and Jackson
     * @param settings the operator's settings by type id
     * @param takenTypeIds the type ids already installed, each with where it came from
     * @return the plugin, its connectors installed
     * @throws ConnectorLoadException saying why the plugin is broken; the message does not name
     *     the plugin's directory, the caller does
     */
    static LoadedPlugin install(PluginDirectory plugin, ClassLoader host, Map<String, ? extends Map<String, ?>> settings,
                                Map<String, String> takenTypeIds) {
        List<Path> jars = readableJars(plugin);
        PluginClassLoader loader = new PluginClassLoader(plugin.name(), jars, host);
        List<InstalledConnector> installed = new ArrayList<>();
        return ContextClassLoader.call(loader, () -> {
            try {
                Map<String, String> ownTypeIds = new HashMap<>();
                for (ConnectorFactory factory : factories(loader)) {
                    String typeId = typeIdOf(factory);
                    if (typeId != null) {
                        refuseTaken(typeId, factory, takenTypeIds, ownTypeIds);
                        ownTypeIds.put(typeId, factory.getClass().getName());
                    }
                    Map<String, ?> own = typeId == null ? null : settings.get(typeId);
                    installed.add(ConnectorInstaller.install(factory, plugin.directory().toString(), own, loader));
                }
                return new LoadedPlugin(plugin.name(), plugin.directory(), jars, installed, loader);
            } catch (RuntimeException | LinkageError e) {
                installed.forEach(connector -> closeQuietly(connector.connector()));
                closeQuietly(loader);
                throw e instanceof ConnectorLoadException load ? load
                        : new ConnectorLoadException("loading it failed: " + e, e);
            }
        });
    }

    private static List<Path> readableJars(PluginDirectory plugin) {
        List<Path> jars;
        try {
            jars = plugin.jars();
        } catch (IOException e) {
            throw new ConnectorLoadException("its directory cannot be read: " + e, e);
        }
        if (jars.isEmpty()) {
            throw new ConnectorLoadException("it holds no jar; a plugin's directory holds the plugin's jar and its dependencies' jars", null);
        }
        for (Path jar : jars) {
            // URLClassLoader skips a jar it cannot open without a word; a plugin then fails later, obscurely.
            try {
                new JarFile(jar.toFile()).close();
            } catch (IOException | SecurityException e) {
                throw new ConnectorLoadException("cannot read the jar " + jar.getFileName() + ": " + e, e);
            }
        }
        return jars;
    }

    /** The factories the plugin's own jars list; never one the parent sees. */
    private static List<ConnectorFactory> factories(PluginClassLoader loader) {
        List<ServiceLoader.Provider<ConnectorFactory>> providers;
        try {
            providers = ServiceLoader.load(ConnectorFactory.class, loader).stream()
                    .filter(provider -> provider.type().getClassLoader() == loader)
                    .toList();
        } catch (ServiceConfigurationError e) {
            // The services file names a class that is missing, or that is not a ConnectorFactory.
            throw new ConnectorLoadException("a connector its " + SERVICES_FILE + " lists cannot be loaded: " + e.getMessage(), e);
        }
        if (providers.isEmpty()) {
            throw new ConnectorLoadException("it has no connector: none of its jars lists a class in " + SERVICES_FILE, null);
        }
        List<ConnectorFactory> factories = new ArrayList<>();
        for (ServiceLoader.Provider<ConnectorFactory> provider : providers) {
            try {
                factories.add(provider.get());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
                throw new ConnectorLoadException("its connector factory " + provider.type().getName()
                        + " could not be constructed: " + cause, cause);
            }
        }
        return factories;
    }

    private static void refuseTaken(String typeId, ConnectorFactory factory, Map<String, String> takenTypeIds,
                                    Map<String, String> ownTypeIds) {
        String name = factory.getClass().getName();
        if (takenTypeIds.containsKey(typeId)) {
            throw new ConnectorLoadException("its connector " + name + " declares the type id '" + typeId
                    + "', which " + takenTypeIds.get(typeId) + " already provides. Remove one of the two.", null);
        }
        if (ownTypeIds.containsKey(typeId)) {
            throw new ConnectorLoadException("two of its connectors declare the type id '" + typeId + "': "
                    + ownTypeIds.get(typeId) + " and " + name, null);
        }
    }

    /** The factory's type id, or null when it cannot say; the installer then reports why. */
    private static String typeIdOf(ConnectorFactory factory) {
        try {
            return factory.descriptor().typeId();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    static void closeQuietly(Connector connector) {
        try {
            connector.close();
        } catch (RuntimeException | LinkageError ignored) {
            // Best effort: the connector is being thrown away or the server is stopping.
        }
    }

    static void closeQuietly(ClassLoader loader) {
        if (loader instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Best effort: an open jar is released at exit anyway.
            }
        }
    }
}
