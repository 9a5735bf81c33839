package io.tributary.server.mirror;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.CreatedWindow;
import io.tributary.connector.spi.MirrorReader;
import io.tributary.server.db.DatasetRecordDao;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * A connector's read access to one source's mirror, limited to the streams its query named. Large
 * streams are streamed from PostgreSQL with a cursor, never loaded whole.
 */
final class MirrorRecordsReader implements MirrorReader {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        String allowed = allowed(stream);
        // A cursor (the fetch size) needs a transaction in PostgreSQL.
        jdbi.useTransaction(handle -> {
            DatasetRecordDao records = handle.attach(DatasetRecordDao.class);
            try (Stream<String> rows = window == null ? records.liveData(dataSourceId, allowed)
                    : records.liveDataCreated(dataSourceId, allowed, window.from(), window.until())) {
                rows.forEach(json -> action.accept(read(json)));
            }
        });
    }

    @Override
    public List<ObjectNode> newest(String stream, int limit) {
        String allowed = allowed(stream);
        return jdbi.withExtension(DatasetRecordDao.class, records -> records.newestData(dataSourceId, allowed, Math.max(0, limit)))
                .stream().map(MirrorRecordsReader::read).toList();
    }

    @Override
    public Optional<ObjectNode> find(String stream, String id) {
        String allowed = allowed(stream);
        return jdbi.withExtension(DatasetRecordDao.class, records -> records.liveDataOf(dataSourceId, allowed, id))
                .map(MirrorRecordsReader::read);
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
