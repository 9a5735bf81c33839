package io.tributary.connector.spi;

import java.util.List;

/**
 * The entry point of a connector: what the host finds with {@link java.util.ServiceLoader} (a
 * public no-argument constructor and a line in
 * {@code META-INF/services/io.tributary.connector.spi.ConnectorFactory}), asks what it is, and asks
 * to create the connector once, with its settings already validated.
 *
 * <p>Nothing here may perform I/O: the host calls these methods at start-up, for every plugin,
 * before it serves any request.
 */
public interface ConnectorFactory {

    /**
     * The SPI version this connector was built against. Implement it as
     * {@code return SpiVersion.CURRENT;} so the compiler records the version you compiled with.
     *
     * @return a {@code "major.minor"} version string
     */
    String spiVersion();

    /**
     * What the connector is: its type id, names, credential fields, query types and currency
     * units, as data. Capabilities are not here; they are the facets {@link Connector} returns.
     *
     * @return the descriptor, the same on every call
     */
    ConnectorDescriptor descriptor();

    /**
     * The settings an operator may give under {@code connectors.<type id>} in the server's
     * configuration. The host validates the configuration against this schema at start-up: an
     * unknown key, a value of the wrong type or out of range, or a required setting left out stops
     * the server with a message naming {@code connectors.<type id>.<key>}, so {@link #create} only
     * ever sees valid settings. Settings are the operator's and hold no secrets: a secret belongs to
     * a data source, as a secret {@link CredentialField}.
     *
     * @return the settings' schema; empty (the default) when the connector takes none
     */
    default List<ParameterSpec> settings() {
        return List.of();
    }

    /**
     * Creates the connector. Called once per server process, after the settings were validated;
     * the connector lives until the server stops, when the host calls {@link Connector#close()}.
     *
     * @param settings the validated settings, defaults filled in
     * @return the connector
     * @throws RuntimeException when it cannot be created; the host reports the plugin as broken
     */
    Connector create(ConnectorSettings settings);
}
