package io.tributary.server.sources;

import io.tributary.connector.host.ConnectorRegistry;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.server.db.DataSourceDao;
import io.tributary.server.db.DataSourceRow;
import io.tributary.server.db.SourceStatus;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Starts operations on data sources, and records what a failure that stops a source does to it:
 * the one place that decides "the source waits in error for new credentials".
 */
public final class SourceOperations {

    private final Jdbi jdbi;
    private final ConnectorRegistry connectors;
    private final ConnectorContexts contexts;
    private final StoredCredentials credentials;

    public SourceOperations(Jdbi jdbi, ConnectorRegistry connectors, ConnectorContexts contexts, StoredCredentials credentials) {
        this.jdbi = jdbi;
        this.connectors = connectors;
        this.contexts = contexts;
        this.credentials = credentials;
    }

    /**
     * An operation on {@code source} for {@code actor}. Nothing is decrypted yet: the credentials
     * are read and opened (one audited decryption naming the actor) when the connector first asks.
     *
     * @param actor who the operation runs for: {@code token:<id>}, {@code system:scheduledRunner}, ...
     * @return empty when the source's connector is not installed on this server
     */
    public Optional<SourceOperation> start(DataSourceRow source, String actor) {
        return connectors.find(source.type()).map(connector -> new SourceOperation(source, connector,
                contexts.forOperation(() -> credentials.open(source.id(), actor))));
    }

    /**
     * Whether a failure stops the whole source: the connector says its scope is the source (the
     * credentials were rejected), or the stored credentials no longer decrypt. Either way nothing
     * on the source can run until a person gives it new credentials.
     */
    public static boolean stopsSource(RuntimeException failure) {
        return failure instanceof CredentialsUnreadable
                || failure instanceof ConnectorException connectorFailure && ConnectorFailures.stopsSource(connectorFailure);
    }

    /**
     * Puts the source in error with the failure's message if the failure stops it; the scheduler
     * leaves a source in error alone until its credentials are updated or tested successfully.
     *
     * @param lastRefreshAt the source's last refresh time to record with it
     * @return whether the source was stopped
     */
    public boolean stopIfSourceFailed(DataSourceRow source, Instant lastRefreshAt, RuntimeException failure) {
        if (!stopsSource(failure)) {
            return false;
        }
        jdbi.useExtension(DataSourceDao.class, sources -> sources.recordRefresh(source.id(), lastRefreshAt, SourceStatus.ERROR, failure.getMessage()));
        return true;
    }

    public ConnectorContexts contexts() {
        return contexts;
    }
}
