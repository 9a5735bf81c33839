/**
 * Plugins: connectors installed as directories of jars, each in its own class loader.
 *
 * <p>The plugins directory ({@code plugins.directory}, {@code plugins/} by default) holds one
 * directory per plugin with the plugin's jar and its dependencies' jars. Each plugin gets a
 * {@link io.tributary.connector.host.plugins.PluginClassLoader} whose parent exposes only the JDK,
 * the connector SPI and the SPI's Jackson, as Trino's and Kafka Connect's plugin loaders do: two
 * plugins may bundle conflicting versions of one library, and neither sees the server's.
 *
 * <p>{@link io.tributary.connector.host.ConnectorRegistry#load(ClassLoader, PluginOptions, java.util.Map)}
 * installs the connectors on the host's class path and in the plugins directory together. A
 * broken plugin (a clashing type id, a wrong SPI major version, a failing constructor or
 * {@code create}, invalid settings, no connector, an unreadable jar) stops start-up with a message
 * naming its directory, unless {@code plugins.skipBroken} is set: then it is listed, with the
 * reason, in {@link io.tributary.connector.host.ConnectorRegistry#brokenPlugins()}.
 */
package io.tributary.connector.host.plugins;
