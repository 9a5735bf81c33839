package io.tributary.server.mirror;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.CreatedWindow;
import io.tributary.connector.spi.MirrorReader;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * A connector's read access to one source's mirror, limited to the streams its query named. Large
 * streams are streamed from PostgreSQL with a cursor, never loaded whole.
 */
final class MirrorRecordsReader implements MirrorReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FETCH_SIZE = 1000;
    private static final String NEWEST_FIRST = " ORDER BY coalesce(created_at, '-infinity'::timestamptz) DESC, object_id DESC";

    private final Jdbi jdbi;
    private final String dataSourceId;
    private final Set<String> streams;

    MirrorRecordsReader(Jdbi jdbi, String dataSourceId, Set<String> streams) {
        this.jdbi = jdbi;
        this.dataSourceId = dataSourceId;
        this.streams = Set.copyOf(streams);
    }

    @Override
    public void forEach(String stream, CreatedWindow window, Consumer<ObjectNode> action) {
        String sql = "SELECT data::text FROM dataset_record WHERE data_source_id = :source AND stream = :stream AND NOT deleted"
                + (window == null ? "" : " AND created_at >= :from AND created_at < :until") + NEWEST_FIRST;
        // A cursor (the fetch size) needs a transaction in PostgreSQL.
        jdbi.useTransaction(handle -> {
            Query query = handle.createQuery(sql).bind("source", dataSourceId).bind("stream", allowed(stream)).setFetchSize(FETCH_SIZE);
            if (window != null) {
                query.bind("from", Timestamp.from(window.from())).bind("until", Timestamp.from(window.until()));
            }
            try (var rows = query.mapTo(String.class).stream()) {
                rows.forEach(json -> action.accept(read(json)));
            }
        });
    }

    @Override
    public List<ObjectNode> newest(String stream, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT data::text FROM dataset_record WHERE data_source_id = :source "
                        + "AND stream = :stream AND NOT deleted" + NEWEST_FIRST + " LIMIT :limit")
                .bind("source", dataSourceId).bind("stream", allowed(stream)).bind("limit", Math.max(0, limit))
                .mapTo(String.class).list()).stream().map(MirrorRecordsReader::read).toList();
    }

    @Override
    public Optional<ObjectNode> find(String stream, String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT data::text FROM dataset_record WHERE data_source_id = :source "
                        + "AND stream = :stream AND object_id = :id AND NOT deleted")
                .bind("source", dataSourceId).bind("stream", allowed(stream)).bind("id", id)
                .mapTo(String.class).findOne()).map(MirrorRecordsReader::read);
    }

    private String allowed(String stream) {
        if (!streams.contains(stream)) {
            throw new IllegalArgumentException("The query did not name the stream '" + stream + "' among those it reads from the mirror");
        }
        return stream;
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON could not be read", e);
        }
    }
}
