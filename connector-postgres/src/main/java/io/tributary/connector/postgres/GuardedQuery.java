package io.tributary.connector.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs one user statement, bounded: checked and rewritten ({@link GuardedSql}), its values bound,
 * inside a read-only transaction with local timeouts and a pinned search path, rows fetched in
 * batches up to the caps, and always rolled back. PostgreSQL itself refuses writes, also those
 * inside a CTE or a function, so the guard does not depend on recognising them.
 */
public final class GuardedQuery {

    private static final int FETCH_BATCH = 500;
    /** The driver's own cancel, a backstop should PostgreSQL not cancel the statement itself. */
    private static final Duration CLIENT_GRACE = Duration.ofSeconds(5);

    private final QueryLimits limits;
    private final ObjectMapper mapper;
    private final PostgresTypes types;

    /**
     * @param limits the bounds of every run
     * @param mapper the host's JSON mapper, to parse json columns and estimate sizes
     */
    public GuardedQuery(QueryLimits limits, ObjectMapper mapper) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.types = new PostgresTypes(mapper);
    }

    /**
     * Runs the statement and reads its rows up to the caps.
     *
     * @param connection an open connection; left rolled back, in autocommit off
     * @param sql one statement with {@code :name} parameters
     * @param parameters a value for each name (String, Long, Integer, BigDecimal, Boolean, Instant or null)
     * @return the rows
     * @throws ConnectorException every refusal, with a {@code postgres.*} or standard code
     */
    public SqlResult run(Connection connection, String sql, Map<String, ?> parameters) {
        GuardedSql statement = GuardedSql.parse(sql);
        ParameterBinder.check(statement, parameters);
        try {
            begin(connection);
            try (PreparedStatement prepared = connection.prepareStatement(statement.jdbcSql())) {
                // In a transaction the driver fetches through a cursor, FETCH_BATCH rows at a time.
                prepared.setFetchSize(Math.min(limits.rowCap() + 1, FETCH_BATCH));
                prepared.setMaxRows(limits.rowCap() + 1);
                prepared.setQueryTimeout((int) limits.statementTimeout().plus(CLIENT_GRACE).toSeconds());
                ParameterBinder.bind(prepared, statement, parameters);
                if (!prepared.execute()) {
                    return new SqlResult(List.of(), List.of(), false, List.of("The statement returned no rows"));
                }
                try (ResultSet rows = prepared.getResultSet()) {
                    return read(rows);
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.map(e, statement, limits.statementTimeout());
        } finally {
            rollBack(connection);
        }
    }

    /**
     * Learns the statement's columns without running it: PostgreSQL parses and describes it.
     *
     * @param connection an open connection
     * @param sql one statement with {@code :name} parameters; no values are needed
     * @return the columns, empty for a statement that returns no rows
     */
    public List<ResultColumn> describe(Connection connection, String sql) {
        GuardedSql statement = GuardedSql.parse(sql);
        try {
            begin(connection);
            try (PreparedStatement prepared = connection.prepareStatement(statement.jdbcSql())) {
                ResultSetMetaData metaData = prepared.getMetaData();
                return metaData == null ? List.of() : columns(metaData);
            }
        } catch (SQLException e) {
            throw SqlFailures.map(e, statement, limits.statementTimeout());
        } finally {
            rollBack(connection);
        }
    }

    /** Read-only first (it must precede any query), then the settings, local to this transaction as SET LOCAL would. */
    private void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.rollback();
        try (Statement plain = connection.createStatement()) {
            plain.execute("SET TRANSACTION READ ONLY");
        }
        String settings = "SELECT set_config('statement_timeout', ?, true), set_config('lock_timeout', ?, true),"
                + " set_config('idle_in_transaction_session_timeout', ?, true), set_config('search_path', ?, true),"
                + " set_config('lc_monetary', 'C', true)";
        try (PreparedStatement set = connection.prepareStatement(settings)) {
            set.setString(1, Long.toString(limits.statementTimeout().toMillis()));
            set.setString(2, Long.toString(limits.lockTimeout().toMillis()));
            set.setString(3, Long.toString(limits.statementTimeout().plus(CLIENT_GRACE).toMillis()));
            set.setString(4, limits.searchPath());
            set.executeQuery().close();
        }
    }

    private SqlResult read(ResultSet rows) throws SQLException {
        List<ResultColumn> columns = columns(rows.getMetaData());
        List<ObjectNode> objects = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        long bytes = 2;
        boolean truncated = false;
        while (rows.next()) {
            if (objects.size() == limits.rowCap()) {
                truncated = capReached(PostgresErrorCodes.ROW_CAP, limits.onRowCap(), notices,
                        "The query returned more than " + limits.rowCap() + " rows");
                break;
            }
            ObjectNode row = mapper.createObjectNode();
            for (int i = 0; i < columns.size(); i++) {
                row.set(columns.get(i).name(), types.read(rows, i + 1, columns.get(i)));
            }
            bytes += jsonSize(row) + 1;
            if (bytes > limits.byteCap()) {
                truncated = capReached(PostgresErrorCodes.BYTE_CAP, limits.onByteCap(), notices,
                        "The result is larger than " + limits.byteCap() + " bytes after " + objects.size() + " rows");
                break;
            }
            objects.add(row);
        }
        return new SqlResult(columns, objects, truncated, notices);
    }

    private static boolean capReached(io.tributary.connector.spi.ErrorCode code, QueryLimits.CapMode mode,
                                      List<String> notices, String what) {
        if (mode == QueryLimits.CapMode.REFUSE) {
            throw new ConnectorException(code, what + ". Add a LIMIT or narrow the WHERE clause.", "sql", null, null, null);
        }
        notices.add(what + ": only the rows before the cap are shown. Add a LIMIT or narrow the WHERE clause.");
        return true;
    }

    private long jsonSize(ObjectNode row) {
        try {
            return mapper.writeValueAsBytes(row).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A row of JSON nodes always serialises", e);
        }
    }

    private static List<ResultColumn> columns(ResultSetMetaData metaData) throws SQLException {
        List<ResultColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            String name = metaData.getColumnLabel(i);
            if (!names.add(name)) {
                throw new ConnectorException(PostgresErrorCodes.DUPLICATE_COLUMN, "Two columns are named '" + name
                        + "': rows are keyed by column name, so give each column its own name with AS", "sql", null, null, null);
            }
            String databaseType = metaData.getColumnTypeName(i);
            columns.add(new ResultColumn(name, databaseType, PostgresTypes.fieldType(databaseType)));
        }
        return columns;
    }

    /** Nothing a query did is ever kept; a connection that cannot roll back is the caller's to close. */
    private static void rollBack(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the failure that broke it is what the caller sees.
        }
    }
}
