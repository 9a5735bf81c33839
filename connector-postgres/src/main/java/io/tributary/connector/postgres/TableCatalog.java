package io.tributary.connector.postgres;

import io.tributary.connector.spi.ConnectorException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Discovers the streams of a database: every table, partitioned table, view, materialized view and
 * foreign table in the chosen schemas on which the role has SELECT (and USAGE on its schema), with
 * its columns, primary key and cursor candidates. Partitions are left out: their parent reads them.
 * A relation without columns is left out too, having nothing to read. One catalogue query, its
 * schemas bound, in the same read-only transaction and timeouts as every query.
 */
final class TableCatalog {

    private static final String RELATIONS = """
            SELECT n.nspname, c.relname, c.relkind, a.attname,
                   CASE WHEN t.typtype = 'd' THEN bt.typname ELSE t.typname END,
                   array_position(pk.indkey::int2[], a.attnum)
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
            LEFT JOIN pg_catalog.pg_index pk ON pk.indrelid = c.oid AND pk.indisprimary
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition AND n.nspname = ANY (?)
              AND pg_catalog.has_schema_privilege(n.oid, 'USAGE') AND pg_catalog.has_table_privilege(c.oid, 'SELECT')
            ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", a.attnum
            """;

    private final QueryLimits limits;

    /** @param limits the schemas to look in ({@link QueryLimits#schemas()}) and the timeouts */
    TableCatalog(QueryLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * @param connection an open connection; left rolled back
     * @return the streams, ordered by schema and name (byte order)
     * @throws ConnectorException mapped from PostgreSQL's refusal
     */
    List<TableStream> discover(Connection connection) {
        try {
            ReadOnlyTransaction.begin(connection, limits);
            return streams(relations(connection));
        } catch (SQLException e) {
            throw SqlFailures.map(e, null, limits.statementTimeout());
        } finally {
            ReadOnlyTransaction.rollBack(connection);
        }
    }

    /**
     * @return the stream of this name
     * @throws ConnectorException {@code postgres.unknown_stream} for a name not discovered
     */
    static TableStream find(List<TableStream> streams, String streamName) {
        return streams.stream().filter(stream -> stream.streamName().equals(streamName)).findFirst()
                .orElseThrow(() -> new ConnectorException(PostgresErrorCodes.UNKNOWN_STREAM, "No table or view the role may read"
                        + " in the chosen schemas is the stream '" + streamName + "'", "stream", null, null, null));
    }

    /** One relation's catalogue rows gathered: primary-key columns by their position in the key. */
    private record Found(StreamNames.Relation relation, TableKind kind, List<ResultColumn> columns, Map<Integer, String> key) {
    }

    private Map<StreamNames.Relation, Found> relations(Connection connection) throws SQLException {
        Map<StreamNames.Relation, Found> found = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(RELATIONS)) {
            statement.setQueryTimeout(ReadOnlyTransaction.clientTimeoutSeconds(limits));
            statement.setArray(1, connection.createArrayOf("text", limits.schemas().toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    StreamNames.Relation relation = new StreamNames.Relation(rows.getString(1), rows.getString(2));
                    String kind = rows.getString(3);
                    Found table = found.computeIfAbsent(relation,
                            unused -> new Found(relation, TableKind.of(kind), new ArrayList<>(), new TreeMap<>()));
                    String column = rows.getString(4);
                    String type = rows.getString(5);
                    table.columns().add(new ResultColumn(column, type, PostgresTypes.fieldType(type)));
                    int keyPosition = rows.getInt(6);
                    if (!rows.wasNull()) {
                        table.key().put(keyPosition, column);
                    }
                }
            }
        }
        return found;
    }

    private static List<TableStream> streams(Map<StreamNames.Relation, Found> found) {
        Map<StreamNames.Relation, String> names = StreamNames.assign(List.copyOf(found.keySet()));
        List<TableStream> streams = new ArrayList<>();
        for (Found table : found.values()) {
            List<String> cursors = table.columns().stream()
                    .filter(column -> TableStream.CURSOR_TYPES.contains(column.databaseType()))
                    .map(ResultColumn::name).toList();
            streams.add(new TableStream(names.get(table.relation()), table.relation().schema(), table.relation().name(),
                    table.kind(), table.columns(), List.copyOf(table.key().values()), cursors));
        }
        return streams;
    }
}
