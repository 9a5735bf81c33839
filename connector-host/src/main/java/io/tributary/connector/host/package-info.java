/**
 * The host's side of the connector SPI: what the server (and the contract test kit) use and a
 * connector never needs. {@link io.tributary.connector.host.ConnectorInstaller} turns a factory into
 * an {@link io.tributary.connector.host.InstalledConnector} (SPI version checked, settings validated
 * by {@link io.tributary.connector.host.SettingsValidator}, facets read once);
 * {@link io.tributary.connector.host.ParameterValidator} and
 * {@link io.tributary.connector.host.CredentialsValidator} check input before any connector code
 * runs; {@link io.tributary.connector.host.Contexts} builds contexts for hosts and tests.
 *
 * <h2>Plugins</h2>
 * Connectors are installed as directories of jars, each in its own class loader.
 *
 * <p>The plugins directory ({@code plugins.directory}, {@code plugins/} by default) holds one
 * directory per plugin with the plugin's jar and its dependencies' jars. Each plugin gets a
 * {@link io.tributary.connector.host.PluginClassLoader} whose parent exposes only the JDK,
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
package io.tributary.connector.host;
