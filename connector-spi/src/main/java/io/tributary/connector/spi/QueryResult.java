package io.tributary.connector.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * What a query returned.
 *
 * @param data the result object, shaped as the query type's result fields declare; kept as a
 *     private copy and handed out as copies, so neither side can change the other's
 * @param notices things the reader should know about the number, such as "2 metered prices were
 *     left out"; empty when none
 */
public record QueryResult(ObjectNode data, List<String> notices) {

    /** Copies the inputs. */
    public QueryResult {
        Objects.requireNonNull(data, "data");
        data = data.deepCopy();
        notices = Checks.list(notices, "notices");
    }

    /**
     * A result without notices.
     *
     * @param data the result object
     * @return the result
     */
    public static QueryResult of(ObjectNode data) {
        return new QueryResult(data, List.of());
    }

    /**
     * The result object.
     *
     * @return a deep copy, which the caller may change freely
     */
    @Override
    public ObjectNode data() {
        return data.deepCopy();
    }
}
