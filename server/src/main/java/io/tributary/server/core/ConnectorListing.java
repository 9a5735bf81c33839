package io.tributary.server.core;

import io.tributary.connector.host.ConnectorRegistry;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.BrokenPlugin;
import io.tributary.connector.host.LoadedPlugin;
import io.tributary.connector.host.PluginOptions;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at start-up which connectors this server runs and from where: each plugin with its jars,
 * each connector with its SPI version, each broken plugin with its reason. The first thing to read
 * when a connector misbehaves.
 */
public final class ConnectorListing {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorListing.class);

    private ConnectorListing() {
    }

    public static void log(ConnectorRegistry registry, PluginOptions options) {
        LOG.info("Plugins directory: {} ({} plugin(s), {} broken)", options.directory().toAbsolutePath(),
                registry.plugins().size(), registry.brokenPlugins().size());
        for (LoadedPlugin plugin : registry.plugins()) {
            LOG.info("Plugin {} from {}: jars {}", plugin.name(), plugin.directory(),
                    plugin.jars().stream().map(Path::getFileName).map(Path::toString).collect(Collectors.joining(", ")));
        }
        for (InstalledConnector connector : registry.installed()) {
            LOG.info("Connector {} ({}) for SPI {}, {}", connector.typeId(), connector.descriptor().displayName(),
                    connector.spiVersion(), registry.pluginOf(connector.typeId()).map(plugin -> "plugin " + plugin.name())
                            .orElse("class path " + connector.source()));
        }
        for (BrokenPlugin broken : registry.brokenPlugins()) {
            LOG.warn("Plugin {} in {} is broken and was skipped: {}", broken.name(), broken.directory(), broken.reason());
        }
        for (String typeId : registry.settingsWithoutConnector()) {
            LOG.warn("connectors.{} is configured, but no connector '{}' is running (a skipped plugin may hold it)", typeId, typeId);
        }
    }
}
