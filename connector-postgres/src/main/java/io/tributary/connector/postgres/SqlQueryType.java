package io.tributary.connector.postgres;

import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.ResultField;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code postgres.sql} query type: one read-only statement of the user's, its result as
 * {@link SqlResult#toJson()}. The rows' fields depend on the statement, so the type is built
 * {@code resultFieldsPerRequest} and {@link #fields} describes each statement's columns.
 */
final class SqlQueryType {

    static final String ID = "postgres.sql";

    /** What a result field may be named; columns named otherwise cannot be projected. */
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    static final QueryType QUERY_TYPE = QueryType.builder(ID, "Runs one read-only SQL statement with :name parameters"
                    + " and returns its columns and rows, bounded by a row cap, a size cap and a timeout.")
            .parameter(ParameterSpec.string(SqlRequest.SQL, "One SQL statement; :name marks a bound parameter.").asRequired(),
                    ParameterSpec.object(SqlRequest.PARAMS, "A value for each :name in the statement: text, a number, a boolean or null."),
                    ParameterSpec.integer(SqlRequest.LIMIT, "The most rows returned (at most the server's max_rows).")
                            .between(1, QueryLimits.MAX_ROW_CAP).withDefault(QueryLimits.DEFAULT_ROW_CAP),
                    ParameterSpec.string(SqlRequest.ON_CAP, "What to do when the rows pass the limit or the size cap:"
                            + " return those before it, marked truncated, or refuse.").oneOf("truncate", "refuse").withDefault("truncate"),
                    ParameterSpec.integer(SqlRequest.TIMEOUT, "How long the statement may run, in seconds (at most the"
                            + " server's max_statement_timeout_seconds).").between(1, 3600))
            .resultField(fields(null).toArray(ResultField[]::new))
            .resultFieldsPerRequest()
            .build();

    private SqlQueryType() {
    }

    /**
     * The result's fields.
     *
     * @param columns the statement's columns, or null when not known: then {@code rows} may hold anything
     * @return columns, rows, row_count, truncated and notices
     */
    static List<ResultField> fields(List<ResultColumn> columns) {
        String rowsDescription = "One object per row, keyed by column name.";
        ResultField rows = columns == null ? ResultField.of("rows", FieldType.ARRAY, rowsDescription)
                : ResultField.arrayOf("rows", rowsDescription, rowFields(columns).toArray(ResultField[]::new));
        return List.of(
                ResultField.arrayOf("columns", "The result's columns, in order.",
                        ResultField.of("name", FieldType.STRING, "The column's name, its key in each row."),
                        ResultField.of("type", FieldType.STRING, "The type its values are written as (INTEGER, NUMBER, STRING...)."),
                        ResultField.of("database_type", FieldType.STRING, "PostgreSQL's type name, such as int4 or timestamptz.")),
                rows,
                ResultField.of("row_count", FieldType.INTEGER, "How many rows were returned."),
                ResultField.of("truncated", FieldType.BOOLEAN, "Whether rows were left out by the limit or the size cap."),
                ResultField.of("notices", FieldType.ARRAY, "What a person should know, such as which cap truncated the rows."));
    }

    /** Every column as a nullable field; one whose name is not a field name (such as ?column?) is left out. */
    private static List<ResultField> rowFields(List<ResultColumn> columns) {
        List<ResultField> fields = new ArrayList<>();
        for (ResultColumn column : columns) {
            if (FIELD_NAME.matcher(column.name()).matches()) {
                fields.add(ResultField.nullable(column.name(), column.type(),
                        "The column " + column.name() + " (" + column.databaseType() + ")."));
            }
        }
        return fields;
    }
}
