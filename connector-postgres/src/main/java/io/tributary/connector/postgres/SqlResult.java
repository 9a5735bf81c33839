package io.tributary.connector.postgres;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The result of a guarded query, as data.
 *
 * @param columns the columns, in order
 * @param rows one object per row, keyed by column name (private copies)
 * @param truncated whether rows were left out by a cap
 * @param notices what a person should know, such as which cap truncated the rows
 */
public record SqlResult(List<ResultColumn> columns, List<ObjectNode> rows, boolean truncated, List<String> notices) {

    /** Copies the inputs. */
    public SqlResult {
        columns = List.copyOf(columns);
        rows = rows.stream().map(ObjectNode::deepCopy).toList();
        notices = List.copyOf(notices);
    }

    /** @return the number of rows returned */
    public int rowCount() {
        return rows.size();
    }

    /** @return {@code {columns: [{name, type, database_type}], rows, row_count, truncated, notices}} */
    public ObjectNode toJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode json = nodes.objectNode();
        ArrayNode columnArray = json.putArray("columns");
        for (ResultColumn column : columns) {
            columnArray.addObject().put("name", column.name()).put("type", column.type().name())
                    .put("database_type", column.databaseType());
        }
        ArrayNode rowArray = json.putArray("rows");
        rows.forEach(row -> rowArray.add(row.deepCopy()));
        json.put("row_count", rows.size());
        json.put("truncated", truncated);
        ArrayNode noticeArray = json.putArray("notices");
        notices.forEach(noticeArray::add);
        return json;
    }
}
