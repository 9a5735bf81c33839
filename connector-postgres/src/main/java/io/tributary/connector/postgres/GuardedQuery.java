package io.tributary.connector.postgres;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one user statement, bounded: checked and rewritten ({@link GuardedSql}), its values bound,
 * inside a read-only transaction with local timeouts and a pinned search path, rows fetched in
 * batches up to the caps, and always rolled back. PostgreSQL itself refuses writes, also those
 * inside a CTE or a function, so the guard does not depend on recognising them.
 */
public final class GuardedQuery {

    private static final int FETCH_BATCH = 500;

    private final QueryLimits limits;
    private final JsonRows json;

    /**
     * @param limits the bounds of every run
     * @param mapper the host's JSON mapper, to parse json columns and estimate sizes
     */
    public GuardedQuery(QueryLimits limits, ObjectMapper mapper) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.json = new JsonRows(Objects.requireNonNull(mapper, "mapper"));
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
            ReadOnlyTransaction.begin(connection, limits);
            try (PreparedStatement prepared = connection.prepareStatement(statement.jdbcSql())) {
                // In a transaction the driver fetches through a cursor, FETCH_BATCH rows at a time.
                prepared.setFetchSize(Math.min(limits.rowCap() + 1, FETCH_BATCH));
                prepared.setMaxRows(limits.rowCap() + 1);
                prepared.setQueryTimeout(ReadOnlyTransaction.clientTimeoutSeconds(limits));
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
            ReadOnlyTransaction.rollBack(connection);
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
            ReadOnlyTransaction.begin(connection, limits);
            try (PreparedStatement prepared = connection.prepareStatement(statement.jdbcSql())) {
                ResultSetMetaData metaData = prepared.getMetaData();
                return metaData == null ? List.of() : JsonRows.columns(metaData);
            }
        } catch (SQLException e) {
            throw SqlFailures.map(e, statement, limits.statementTimeout());
        } finally {
            ReadOnlyTransaction.rollBack(connection);
        }
    }

    private SqlResult read(ResultSet rows) throws SQLException {
        List<ResultColumn> columns = JsonRows.columns(rows.getMetaData());
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
            ObjectNode row = json.row(rows, columns);
            bytes += json.size(row) + 1;
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
}
