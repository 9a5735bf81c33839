package io.tributary.server.sources;

import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.server.db.DataSourceRow;

/**
 * One operation on a data source (a refresh, a query, a sync, a credentials test): the source,
 * its connector, and the context whose credentials decrypt at most once, audited with the actor
 * the operation runs for. Built by {@link SourceOperations#start}.
 */
public record SourceOperation(DataSourceRow source, InstalledConnector connector, ConnectorContext context) {
}
