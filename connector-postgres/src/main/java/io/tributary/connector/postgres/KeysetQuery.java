package io.tributary.connector.postgres;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of one page: every column, then the ordering columns again as text (what the next-page
 * cursor holds), filtered by {@code (ordering columns) > (the last page's values)} rather than an
 * OFFSET, so a page costs the same however deep the read and rows inserted meanwhile shift nothing.
 * Every identifier comes from the catalogue and is quoted; every value is a bound parameter. Columns
 * are qualified by the table's alias: the text copies take their columns' names as output names, so
 * an unqualified ORDER BY would be ambiguous.
 *
 * @param table the table, from the catalogue
 * @param order the ordering columns: the cursor column first for an incremental read, then the key
 * @param incremental whether the first ordering column is a cursor followed from a high-water value
 * @param fromHighWater whether a high-water value is bound (an incremental read without one reads every non-NULL cursor)
 * @param resume whether the last page's values are bound
 */
record KeysetQuery(TableStream table, List<String> order, boolean incremental, boolean fromHighWater, boolean resume) {

    private static final String ALIAS = "t";

    /** Copies the order. */
    KeysetQuery {
        order = List.copyOf(order);
    }

    /**
     * Parameters, in order: the high-water value (when {@code fromHighWater}), the last page's values
     * (when {@code resume}), then the row limit.
     */
    String sql() {
        String columns = table.columns().stream().map(column -> column(column.name())).collect(Collectors.joining(", "));
        String orderColumns = order.stream().map(KeysetQuery::column).collect(Collectors.joining(", "));
        String orderTexts = order.stream().map(name -> "CAST(" + column(name) + " AS text)").collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(", ").append(orderTexts)
                .append(" FROM ").append(table.quotedName()).append(" AS ").append(ALIAS);
        String and = " WHERE ";
        if (incremental) {
            String cursor = column(order.get(0));
            sql.append(and).append(fromHighWater ? cursor + " > ?" : cursor + " IS NOT NULL");
            and = " AND ";
        }
        if (resume) {
            sql.append(and).append('(').append(orderColumns).append(") > (")
                    .append(String.join(", ", Collections.nCopies(order.size(), "?"))).append(')');
        }
        return sql.append(" ORDER BY ").append(orderColumns).append(" LIMIT ?").toString();
    }

    /**
     * Whether a row to be read has a NULL in a key column: {@code (a, b) > (1, 5)} is NULL, not true,
     * for {@code (1, NULL)}, so such a row would be skipped without a word. Run before the first page
     * of a read by a key the user named (a primary key is never NULL). Parameters: the high-water value
     * (when {@code fromHighWater}).
     *
     * @param key the key's columns
     */
    String nullKeySql(List<String> key) {
        StringBuilder sql = new StringBuilder("SELECT 1 FROM ").append(table.quotedName()).append(" AS ").append(ALIAS)
                .append(" WHERE (").append(key.stream().map(name -> column(name) + " IS NULL").collect(Collectors.joining(" OR ")))
                .append(')');
        if (incremental) {
            String cursor = column(order.get(0));
            sql.append(" AND ").append(fromHighWater ? cursor + " > ?" : cursor + " IS NOT NULL");
        }
        return sql.append(" LIMIT 1").toString();
    }

    private static String column(String name) {
        return ALIAS + "." + SqlIdentifiers.quote(name);
    }
}
