package io.tributary.connector.spi;

import java.util.Objects;

/**
 * A connector the registry loaded, with its descriptor and where it came from.
 *
 * @param connector the connector
 * @param descriptor its descriptor, read once at load
 * @param source the jar or directory its class was loaded from, for error messages and the
 *     connector listing
 */
public record InstalledConnector(Connector connector, ConnectorDescriptor descriptor, String source) {

    /** Checks the inputs. */
    public InstalledConnector {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Shorthand for {@code descriptor().typeId()}.
     *
     * @return the type id
     */
    public String typeId() {
        return descriptor.typeId();
    }
}
