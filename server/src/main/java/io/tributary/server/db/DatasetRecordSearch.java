package io.tributary.server.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * A page of a stream's records, newest first, with the bounds and field filters a request chose:
 * the one statement of the mirror built at run time rather than declared. Each condition is fixed
 * text and every value is bound by name, never written into the statement.
 */
public final class DatasetRecordSearch {

    /** Records without a creation time sort as if created at the dawn of time. */
    private static final String SORT_TIME = "coalesce(created_at, '-infinity'::timestamptz)";

    /**
     * A record found, with the time it sorts by.
     *
     * @param sortTime its creation time, or minus infinity (as the driver hands it over) when it has none
     */
    public record Found(String objectId, Instant createdAt, Instant versionAt, boolean deleted, String data, Timestamp sortTime) {
    }

    private final StringBuilder sql = new StringBuilder("SELECT object_id, created_at, version_at, deleted, data::text AS data, "
            + SORT_TIME + " AS sort_time FROM dataset_record WHERE data_source_id = :source AND stream = :stream");
    private final List<Consumer<Query>> bindings = new ArrayList<>();
    private int filters;

    private DatasetRecordSearch(String dataSourceId, String stream) {
        bindings.add(query -> query.bind("source", dataSourceId).bind("stream", stream));
    }

    /** Every record of the source's stream, deleted ones included, until narrowed. */
    public static DatasetRecordSearch of(String dataSourceId, String stream) {
        return new DatasetRecordSearch(dataSourceId, stream);
    }

    public DatasetRecordSearch live() {
        sql.append(" AND NOT deleted");
        return this;
    }

    public DatasetRecordSearch createdFrom(Instant from) {
        sql.append(" AND created_at >= :createdGte");
        bindings.add(query -> query.bind("createdGte", from));
        return this;
    }

    public DatasetRecordSearch createdBefore(Instant until) {
        sql.append(" AND created_at < :createdLt");
        bindings.add(query -> query.bind("createdLt", until));
        return this;
    }

    /** Records whose field at {@code path} (segment by segment) has this value as text. */
    public DatasetRecordSearch fieldEquals(List<String> path, String value) {
        int i = filters++;
        sql.append(" AND data #>> :path").append(i).append(" = :value").append(i);
        bindings.add(query -> query.bindArray("path" + i, String.class, path).bind("value" + i, value));
        return this;
    }

    /** Records after the one a previous page ended with, in the page's order. */
    public DatasetRecordSearch after(Timestamp sortTime, String objectId) {
        sql.append(" AND (" + SORT_TIME + ", object_id) < (:afterTime, :afterId)");
        bindings.add(query -> query.bind("afterTime", sortTime).bind("afterId", objectId));
        return this;
    }

    /** The first {@code limit} records, newest first. */
    public List<Found> list(Handle handle, int limit) {
        Query query = handle.createQuery(sql + " ORDER BY " + SORT_TIME + " DESC, object_id DESC LIMIT :limit").bind("limit", limit);
        bindings.forEach(binding -> binding.accept(query));
        return query.registerRowMapper(ConstructorMapper.factory(Found.class)).mapTo(Found.class).list();
    }
}
