package io.tributary.connector.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Result rows as JSON objects keyed by column name, with {@link PostgresTypes}' conversion: one
 * place for {@code postgres.sql} results and table streams alike, so a value reads the same in both.
 */
final class JsonRows {

    private final ObjectMapper mapper;
    private final PostgresTypes types;

    JsonRows(ObjectMapper mapper) {
        this.mapper = mapper;
        this.types = new PostgresTypes(mapper);
    }

    /**
     * The first {@code count} columns of a result, typed by the names PostgreSQL describes them with.
     *
     * @throws ConnectorException {@code postgres.duplicate_column} for two columns of one name
     */
    static List<ResultColumn> columns(ResultSetMetaData metaData, int count) throws SQLException {
        List<ResultColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 1; i <= count; i++) {
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

    /** Every column of a result. */
    static List<ResultColumn> columns(ResultSetMetaData metaData) throws SQLException {
        return columns(metaData, metaData.getColumnCount());
    }

    /** The current row's values of these columns (the result's first ones, in order). */
    ObjectNode row(ResultSet rows, List<ResultColumn> columns) throws SQLException {
        ObjectNode row = mapper.createObjectNode();
        for (int i = 0; i < columns.size(); i++) {
            row.set(columns.get(i).name(), types.read(rows, i + 1, columns.get(i)));
        }
        return row;
    }

    /** A row's size as JSON, in bytes: what the byte caps count. */
    long size(ObjectNode row) {
        try {
            return mapper.writeValueAsBytes(row).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A row of JSON nodes always serialises", e);
        }
    }
}
