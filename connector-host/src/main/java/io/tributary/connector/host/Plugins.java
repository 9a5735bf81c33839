package io.tributary.connector.host;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The plugins of a plugins directory, loaded: those whose connectors are installed, and, with
 * {@link PluginOptions#skipBroken()}, those that are broken and why. Closing closes every
 * plugin's connectors, then its class loader.
 */
public final class Plugins implements AutoCloseable {

    private final List<LoadedPlugin> loaded;
    private final List<BrokenPlugin> broken;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Plugins(List<LoadedPlugin> loaded, List<BrokenPlugin> broken) {
        this.loaded = List.copyOf(loaded);
        this.broken = List.copyOf(broken);
    }

    /** @return no plugins */
    public static Plugins none() {
        return new Plugins(List.of(), List.of());
    }

    /**
     * Loads every plugin of the plugins directory, in name order.
     *
     * @param options the plugins directory (it need not exist) and what to do with a broken plugin
     * @param host the host's class loader, which must see the SPI and Jackson
     * @param settings the operator's settings by type id
     * @param installed connectors already installed from elsewhere (the host's class path); a
     *     plugin declaring one of their type ids is broken
     * @return the plugins
     * @throws ConnectorLoadException when a plugin is broken and broken plugins are not skipped
     *     (the message starts by naming its directory), or the plugins directory cannot be read
     */
    public static Plugins load(PluginOptions options, ClassLoader host, Map<String, ? extends Map<String, ?>> settings,
                               Collection<InstalledConnector> installed) {
        Map<String, String> takenTypeIds = new LinkedHashMap<>();
        installed.forEach(connector -> takenTypeIds.put(connector.typeId(), "the connector on the class path in " + connector.source()));
        List<LoadedPlugin> loaded = new ArrayList<>();
        List<BrokenPlugin> broken = new ArrayList<>();
        try {
            for (PluginDirectory plugin : PluginDirectory.scan(options.directory())) {
                try {
                    LoadedPlugin loadedPlugin = PluginInstaller.install(plugin, host, settings, takenTypeIds);
                    loaded.add(loadedPlugin);
                    loadedPlugin.connectors().forEach(connector ->
                            takenTypeIds.put(connector.typeId(), "the plugin in " + plugin.directory()));
                } catch (ConnectorLoadException e) {
                    if (!options.skipBroken()) {
                        throw new ConnectorLoadException("Plugin directory " + plugin.directory() + " is broken: " + e.getMessage()
                                + " (remove or fix it, or set plugins.skipBroken: true to start without it)", e);
                    }
                    broken.add(new BrokenPlugin(plugin.name(), plugin.directory(), e.getMessage()));
                }
            }
        } catch (RuntimeException e) {
            new Plugins(loaded, broken).close();
            throw e;
        }
        return new Plugins(loaded, broken);
    }

    /** @return the plugins whose connectors are installed, in name order */
    public List<LoadedPlugin> loaded() {
        return loaded;
    }

    /** @return the broken plugins, in name order; empty unless broken plugins are skipped */
    public List<BrokenPlugin> broken() {
        return broken;
    }

    /** @return every plugin's connectors, in plugin order */
    public List<InstalledConnector> connectors() {
        return loaded.stream().flatMap(plugin -> plugin.connectors().stream()).toList();
    }

    /**
     * The plugin a connector came from.
     *
     * @param typeId the connector's type id
     * @return its plugin, or empty when no plugin provides it
     */
    public Optional<LoadedPlugin> pluginOf(String typeId) {
        return loaded.stream()
                .filter(plugin -> plugin.connectors().stream().anyMatch(connector -> connector.typeId().equals(typeId)))
                .findFirst();
    }

    /**
     * Closes each plugin's connectors, then its class loader; one failing does not stop the
     * others. Only the first call does anything: a connector is closed once.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (LoadedPlugin plugin : loaded) {
            ContextClassLoader.run(plugin.classLoader(),
                    () -> plugin.connectors().forEach(connector -> PluginInstaller.closeQuietly(connector.connector())));
            PluginInstaller.closeQuietly(plugin.classLoader());
        }
    }
}
