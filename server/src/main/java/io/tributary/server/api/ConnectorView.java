package io.tributary.server.api;

import io.tributary.connector.spi.ConnectorDescriptor;

/** An installed connector: its description as data, and where it was loaded from. */
public record ConnectorView(ConnectorDescriptor descriptor, String spiVersion) {
}
