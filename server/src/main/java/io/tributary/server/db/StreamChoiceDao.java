package io.tributary.server.db;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What people chose for their streams: a field to read by and how far it was read, a key. */
@RegisterConstructorMapper(StreamChoiceRow.class)
public interface StreamChoiceDao {

    @SqlQuery("SELECT stream, cursor_field, after_value, key_fields FROM dataset_stream_choice WHERE data_source_id = :dataSourceId")
    List<StreamChoiceRow> list(@Bind("dataSourceId") String dataSourceId);

    /** Chooses anew: a stream read by a cursor starts from the beginning again. */
    @SqlUpdate("INSERT INTO dataset_stream_choice (data_source_id, stream, cursor_field, after_value, key_fields) "
            + "VALUES (:dataSourceId, :stream, :field, NULL, :key) ON CONFLICT (data_source_id, stream) DO UPDATE "
            + "SET cursor_field = EXCLUDED.cursor_field, after_value = NULL, key_fields = EXCLUDED.key_fields")
    void choose(@Bind("dataSourceId") String dataSourceId, @Bind("stream") String stream, @Bind("field") String cursorField,
                @Bind("key") String keyJson);

    @SqlUpdate("UPDATE dataset_stream_choice SET after_value = :after WHERE data_source_id = :dataSourceId AND stream = :stream")
    void readUpTo(@Bind("dataSourceId") String dataSourceId, @Bind("stream") String stream, @Bind("after") String afterJson);

    @SqlUpdate("DELETE FROM dataset_stream_choice WHERE data_source_id = :dataSourceId AND stream = :stream")
    void unchoose(@Bind("dataSourceId") String dataSourceId, @Bind("stream") String stream);
}
