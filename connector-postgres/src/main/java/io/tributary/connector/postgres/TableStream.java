package io.tributary.connector.postgres;

import io.tributary.connector.spi.ConnectorException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table or view the role may read, as the catalogue describes it: the only source of the
 * identifiers a {@link TableReader} writes into SQL.
 *
 * @param streamName the stream's name ({@link StreamNames})
 * @param schema the schema, exactly as PostgreSQL spells it
 * @param name the table's name, exactly as PostgreSQL spells it
 * @param kind table, view, materialized view or foreign table
 * @param columns every column in table order, each with its PostgreSQL type (a domain's base type) and SPI type
 * @param primaryKey the primary key's columns in key order; empty for views and tables without one
 * @param cursorCandidates the columns an incremental read may order by: timestamps, dates and integers
 */
record TableStream(String streamName, String schema, String name, TableKind kind, List<ResultColumn> columns,
                   List<String> primaryKey, List<String> cursorCandidates) {

    /** The PostgreSQL types that increase with new or changed rows in a way a high-water mark can follow. */
    static final Set<String> CURSOR_TYPES = Set.of("timestamptz", "timestamp", "date", "int2", "int4", "int8");

    /** Copies the lists. */
    TableStream {
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        cursorCandidates = List.copyOf(cursorCandidates);
    }

    /** @return the column of this exact name (PostgreSQL's names are case-sensitive once quoted) */
    Optional<ResultColumn> column(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }

    /**
     * @return the column of this name
     * @throws ConnectorException {@code postgres.unknown_column}, naming the stream and the role of the column
     */
    ResultColumn requireColumn(String columnName, String field) {
        return column(columnName).orElseThrow(() -> new ConnectorException(PostgresErrorCodes.UNKNOWN_COLUMN,
                "Stream '" + streamName + "' has no column named '" + columnName + "'", field, null, null, null));
    }

    /** @return {@code "schema"."name"}, quoted for SQL */
    String quotedName() {
        return SqlIdentifiers.quote(schema) + "." + SqlIdentifiers.quote(name);
    }
}
