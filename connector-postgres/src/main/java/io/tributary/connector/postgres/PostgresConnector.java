package io.tributary.connector.postgres;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connector.spi.AccountIdentity;
import io.tributary.connector.spi.CapabilityStatus;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.spi.ResultField;
import io.tributary.connector.spi.Streams;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The PostgreSQL connector: checks a role, runs {@code postgres.sql} and describes a statement's
 * columns, each on a pooled connection of the data source's credentials.
 */
final class PostgresConnector implements Connector {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PostgresSettings settings;
    private final ConnectionPools pools;
    private final TableStreams tables;

    PostgresConnector(PostgresSettings settings, ConnectionOpener opener) {
        this.settings = settings;
        // Waiting for a busy pool: as long as a statement may run, and the connection it needs.
        this.pools = new ConnectionPools(opener, settings.poolSize(),
                settings.limits().maxStatementTimeout().plus(settings.connectTimeout()), settings.poolIdle(), System::nanoTime);
        this.tables = new TableStreams(this, settings.limits(), MAPPER);
    }

    @Override
    public Optional<Streams> streams() {
        return Optional.of(tables);
    }

    @Override
    public CredentialCheck validateCredentials(ConnectorContext context) {
        PostgresCredentials credentials = PostgresCredentials.from(context.credentials());
        RoleReport report = withConnection(credentials, connection -> RolePrivileges.check(connection, settings.limits().schemas()));
        AccountIdentity account = new AccountIdentity(report.role() + "@" + credentials.hosts() + "/" + report.database(), true,
                "PostgreSQL " + report.serverVersion() + ": " + report.database() + " as " + report.role());
        List<CapabilityStatus> capabilities = new ArrayList<>();
        capabilities.add(CapabilityStatus.available(CapabilityStatus.Kind.QUERY_TYPE, SqlQueryType.ID));
        // Each table found is readable: discovery lists only what the role may SELECT.
        tables.discover(context).forEach(stream -> capabilities.add(CapabilityStatus.available(CapabilityStatus.Kind.STREAM, stream.name())));
        return new CredentialCheck(account, capabilities, report.warning().map(List::of).orElse(List.of()));
    }

    @Override
    public void checkParameters(QueryRequest request) {
        SqlRequest.of(request.parameters(), settings.limits());
    }

    @Override
    public QueryResult runQuery(ConnectorContext context, QueryRequest request) {
        SqlRequest sql = SqlRequest.of(request.parameters(), settings.limits());
        SqlResult result = withConnection(PostgresCredentials.from(context.credentials()),
                connection -> new GuardedQuery(sql.limits(), MAPPER).run(connection, sql.sql(), sql.values()));
        return new QueryResult(result.toJson(), result.notices());
    }

    /**
     * The statement's columns, learnt by running it with a row cap of 0 (at most one row fetched, then
     * rolled back) rather than only describing it: PostgreSQL checks a write against the read-only
     * transaction when it executes, not when it parses, so only a run refuses {@code DELETE} (or a
     * writing CTE or function) when a block is saved.
     */
    @Override
    public Optional<List<ResultField>> resultFields(ConnectorContext context, QueryRequest request) {
        SqlRequest sql = SqlRequest.of(request.parameters(), settings.limits());
        QueryLimits noRows = sql.limits().withRowCap(0, QueryLimits.CapMode.TRUNCATE);
        SqlResult dryRun = withConnection(PostgresCredentials.from(context.credentials()),
                connection -> new GuardedQuery(noRows, MAPPER).run(connection, sql.sql(), sql.values()));
        return Optional.of(SqlQueryType.fields(dryRun.columns()));
    }

    @Override
    public void close() {
        pools.close();
    }

    /** The pool of these credentials for one operation; a connection is kept only after a failure of the statement itself. */
    <T> T withConnection(PostgresCredentials credentials, Function<java.sql.Connection, T> operation) {
        try (ConnectionPools.Lease lease = pools.borrow(credentials)) {
            try {
                return operation.apply(lease.connection());
            } catch (ConnectorException e) {
                if (e.kind() != ErrorKind.INVALID_PARAMETERS && e.kind() != ErrorKind.PERMISSION_MISSING) {
                    lease.broken();
                }
                throw e;
            } catch (RuntimeException e) {
                lease.broken();
                throw e;
            }
        }
    }

    /** The pools, for tests. */
    ConnectionPools pools() {
        return pools;
    }
}
