package io.tributary.connector.postgres;

import java.sql.Connection;

/** Opens a new connection; {@link PostgresConnections#open} in production, wrapped in tests to count. */
@FunctionalInterface
interface ConnectionOpener {

    /**
     * @return an open connection the caller closes
     * @throws io.tributary.connector.spi.ConnectorException when the database refuses or cannot be reached
     */
    Connection open(PostgresCredentials credentials);
}
