package io.tributary.connector.postgres;

import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.ParameterSpec;
import java.time.Duration;
import java.util.List;

/**
 * The operator's settings under {@code connectors.postgres}: the bounds every query runs under and
 * the size of each data source's connection pool.
 *
 * @param limits the base limits of every query (a request may lower the row cap and the timeout)
 * @param poolSize the most connections one data source holds open
 * @param connectTimeout how long to wait for the database to accept a connection
 * @param poolIdle how long an unused pool is kept before its connections are closed
 */
public record PostgresSettings(QueryLimits limits, int poolSize, Duration connectTimeout, Duration poolIdle) {

    static final String MAX_STATEMENT_TIMEOUT = "max_statement_timeout_seconds";
    static final String DEFAULT_STATEMENT_TIMEOUT = "default_statement_timeout_seconds";
    static final String MAX_ROWS = "max_rows";
    static final String MAX_RESULT_BYTES = "max_result_bytes";
    static final String POOL_SIZE = "pool_size";
    static final String CONNECT_TIMEOUT = "connect_timeout_seconds";
    static final String POOL_IDLE = "pool_idle_seconds";

    /** The settings' schema, with defaults. */
    static List<ParameterSpec> schema() {
        return List.of(
                ParameterSpec.integer(MAX_STATEMENT_TIMEOUT, "The longest any statement may run, in seconds.")
                        .between(1, 3600).withDefault(QueryLimits.DEFAULT_MAX_STATEMENT_TIMEOUT.toSeconds()),
                ParameterSpec.integer(DEFAULT_STATEMENT_TIMEOUT, "How long a statement may run when the query gives no timeout, in seconds.")
                        .between(1, 3600).withDefault(QueryLimits.DEFAULT_STATEMENT_TIMEOUT.toSeconds()),
                ParameterSpec.integer(MAX_ROWS, "The most rows any query may return.")
                        .between(1, QueryLimits.MAX_ROW_CAP).withDefault(QueryLimits.MAX_ROW_CAP),
                ParameterSpec.integer(MAX_RESULT_BYTES, "The largest result any query may return, in bytes of JSON.")
                        .between(1024, 100L * 1024 * 1024).withDefault(QueryLimits.DEFAULT_BYTE_CAP),
                ParameterSpec.integer(POOL_SIZE, "The most connections held open to one data source's database.")
                        .between(1, 20).withDefault(2),
                ParameterSpec.integer(CONNECT_TIMEOUT, "How long to wait for a database to accept a connection, in seconds.")
                        .between(1, 120).withDefault(10),
                ParameterSpec.integer(POOL_IDLE, "How long a data source's unused connections stay open, in seconds.")
                        .between(1, 86_400).withDefault(300));
    }

    /** Reads validated settings (the host filled in the defaults). */
    static PostgresSettings from(ConnectorSettings settings) {
        QueryLimits limits = QueryLimits.defaults()
                .withRowCap((int) value(settings, MAX_ROWS), QueryLimits.CapMode.TRUNCATE)
                .withByteCap(value(settings, MAX_RESULT_BYTES), QueryLimits.CapMode.TRUNCATE);
        limits = new QueryLimits(Duration.ofSeconds(value(settings, DEFAULT_STATEMENT_TIMEOUT)),
                Duration.ofSeconds(value(settings, MAX_STATEMENT_TIMEOUT)), limits.lockTimeout(), limits.rowCap(),
                limits.onRowCap(), limits.byteCap(), limits.onByteCap(), limits.schemas());
        return new PostgresSettings(limits, (int) value(settings, POOL_SIZE),
                Duration.ofSeconds(value(settings, CONNECT_TIMEOUT)), Duration.ofSeconds(value(settings, POOL_IDLE)));
    }

    private static long value(ConnectorSettings settings, String name) {
        return settings.integer(name).orElseThrow(() -> new IllegalStateException("The host fills in the default of " + name));
    }
}
