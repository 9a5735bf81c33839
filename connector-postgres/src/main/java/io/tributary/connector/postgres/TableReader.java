package io.tributary.connector.postgres;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StreamPage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Reads one page of a table stream by keyset pagination, in the read-only transaction with the
 * statement timeout of every query, its rows as JSON objects keyed by column name with the same
 * values as {@code postgres.sql} results.
 *
 * <ul>
 *   <li>A full refresh is ordered by the key: the primary key, or the columns the user named (which
 *       must be unique). A table or view with neither is refused ({@code postgres.key_required}).</li>
 *   <li>An incremental read is ordered by (cursor column, key) and reads the rows whose cursor
 *       column is above the high-water value. Rows whose cursor column is NULL are never read
 *       incrementally: a NULL is above no value; the full refresh reads them.</li>
 *   <li>A read by a named key is refused ({@code postgres.null_key}) when a row it would read has
 *       a NULL in a key column: such a row could be told apart from no other, and the keyset
 *       comparison would skip it silently. Checked before the first page (one query), and on each row read.</li>
 *   <li>A page holds at most {@code pageSize} rows, and stops early past the byte cap of the limits
 *       (at least one row, so a read always advances).</li>
 * </ul>
 */
final class TableReader {

    private static final int FETCH_BATCH = 500;

    private final QueryLimits limits;
    private final JsonRows json;
    private final PageCursor cursors;

    /**
     * @param limits the statement and lock timeouts, the search path and the byte cap of a page
     * @param mapper the host's JSON mapper
     */
    TableReader(QueryLimits limits, ObjectMapper mapper) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.json = new JsonRows(Objects.requireNonNull(mapper, "mapper"));
        this.cursors = new PageCursor(mapper);
    }

    /**
     * @param connection an open connection; left rolled back
     * @param table a stream from {@link TableCatalog#discover}
     * @param request what to read
     * @return the rows, and the cursor of the next page, null after the last
     * @throws ConnectorException for a missing or unknown key, a bad cursor column, high-water value
     *     or page cursor, and PostgreSQL's refusals
     */
    StreamPage read(Connection connection, TableStream table, TableRead request) {
        List<String> order = order(table, request);
        String scope = scope(table, request, order);
        List<String> after = request.pageCursor() == null ? null : cursors.decode(request.pageCursor(), scope, order.size());
        String highWater = request.highWater() == null || request.highWater().isNull() ? null
                : HighWater.text(table.requireColumn(request.cursorColumn(), "cursor_field").databaseType(), request.highWater());
        KeysetQuery query = new KeysetQuery(table, order, request.isIncremental(), highWater != null, after != null);
        try {
            ReadOnlyTransaction.begin(connection, limits);
            if (!request.key().isEmpty() && after == null) {
                refuseNullKeys(connection, table, query, request.key(), highWater);
            }
            try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
                statement.setFetchSize(Math.min(request.pageSize() + 1, FETCH_BATCH));
                statement.setQueryTimeout(ReadOnlyTransaction.clientTimeoutSeconds(limits));
                int index = 1;
                if (highWater != null) {
                    statement.setObject(index++, highWater, Types.OTHER);
                }
                if (after != null) {
                    for (String value : after) {
                        statement.setObject(index++, value, Types.OTHER);
                    }
                }
                statement.setInt(index, request.pageSize() + 1);
                try (ResultSet rows = statement.executeQuery()) {
                    return page(rows, table, order, scope, request.pageSize());
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.map(e, null, limits.statementTimeout());
        } finally {
            ReadOnlyTransaction.rollBack(connection);
        }
    }

    private void refuseNullKeys(Connection connection, TableStream table, KeysetQuery query, List<String> key, String highWater)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query.nullKeySql(key))) {
            statement.setQueryTimeout(ReadOnlyTransaction.clientTimeoutSeconds(limits));
            if (highWater != null) {
                statement.setObject(1, highWater, Types.OTHER);
            }
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    throw nullKey(table, key);
                }
            }
        }
    }

    private static ConnectorException nullKey(TableStream table, List<String> key) {
        return new ConnectorException(PostgresErrorCodes.NULL_KEY, "Rows of stream '" + table.streamName() + "' have a NULL in"
                + " the key (" + String.join(", ", key) + "): name key columns that are never NULL", "key", null, null, null);
    }

    private StreamPage page(ResultSet rows, TableStream table, List<String> order, String scope, int pageSize) throws SQLException {
        int width = table.columns().size();
        List<ResultColumn> columns = JsonRows.columns(rows.getMetaData(), width);
        List<ObjectNode> records = new ArrayList<>();
        List<String> last = null;
        long bytes = 2;
        while (rows.next()) {
            if (records.size() == pageSize) {
                return new StreamPage(records, cursors.encode(scope, last));
            }
            ObjectNode record = json.row(rows, columns);
            bytes += json.size(record) + 1;
            if (bytes > limits.byteCap() && !records.isEmpty()) {
                return new StreamPage(records, cursors.encode(scope, last));
            }
            last = orderValues(rows, table, order, width);
            records.add(record);
        }
        return new StreamPage(records, null);
    }

    private static List<String> orderValues(ResultSet rows, TableStream table, List<String> order, int width) throws SQLException {
        List<String> values = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            String value = rows.getString(width + 1 + i);
            if (value == null) { // a row turned NULL since the first page's check
                throw nullKey(table, order);
            }
            values.add(value);
        }
        return values;
    }

    /** The ordering columns: the cursor column (incremental), then the key; each checked against the catalogue. */
    private static List<String> order(TableStream table, TableRead request) {
        List<String> key = request.key().isEmpty() ? table.primaryKey() : request.key();
        if (key.isEmpty()) {
            throw new ConnectorException(PostgresErrorCodes.KEY_REQUIRED, "Stream '" + table.streamName() + "' ("
                    + table.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + table.schema() + "."
                    + table.name() + ") has no primary key: name the columns that identify its records as its key", "key",
                    null, null, null);
        }
        if (new HashSet<>(key).size() != key.size()) {
            throw ConnectorException.invalidParameter("key", "The key names a column twice");
        }
        // The cursor column may be the key itself (an increasing id): then it orders once
        LinkedHashSet<String> order = new LinkedHashSet<>();
        if (request.isIncremental()) {
            ResultColumn cursor = table.requireColumn(request.cursorColumn(), "cursor_field");
            if (!table.cursorCandidates().contains(cursor.name())) {
                throw new ConnectorException(PostgresErrorCodes.CURSOR_COLUMN_TYPE, "Column '" + cursor.name() + "' of stream '"
                        + table.streamName() + "' is of type " + cursor.databaseType() + ": a cursor column must be a timestamp,"
                        + " a date or an integer (candidates: " + String.join(", ", table.cursorCandidates()) + ")",
                        "cursor_field", null, null, null);
            }
            order.add(cursor.name());
        }
        for (String column : key) {
            order.add(table.requireColumn(column, "key").name());
        }
        return List.copyOf(order);
    }

    /** What a page cursor is valid for: this stream, this mode, these ordering columns. */
    private static String scope(TableStream table, TableRead request, List<String> order) {
        List<String> parts = new ArrayList<>();
        parts.add(table.schema());
        parts.add(table.name());
        parts.add(request.isIncremental() ? "incremental" : "full");
        parts.addAll(order);
        // Length-prefixed so no two different scopes read alike
        StringBuilder scope = new StringBuilder();
        parts.forEach(part -> scope.append(part.length()).append(':').append(part));
        return scope.toString();
    }
}
