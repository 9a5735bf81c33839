package io.tributary.server.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The streams read by a field a person chose, and how far each has been read. */
@RegisterConstructorMapper(StreamCursorRow.class)
public interface StreamCursorDao {

    @SqlQuery("SELECT stream, cursor_field, after_value FROM dataset_stream_cursor WHERE data_source_id = :dataSourceId")
    List<StreamCursorRow> list(@Bind("dataSourceId") String dataSourceId);

    @SqlQuery("SELECT stream, cursor_field, after_value FROM dataset_stream_cursor WHERE data_source_id = :dataSourceId AND stream = :stream")
    Optional<StreamCursorRow> find(@Bind("dataSourceId") String dataSourceId, @Bind("stream") String stream);

    /** Chooses the field anew: reading starts from the beginning again. */
    @SqlUpdate("INSERT INTO dataset_stream_cursor (data_source_id, stream, cursor_field, after_value) VALUES (:dataSourceId, :stream, :field, NULL) "
            + "ON CONFLICT (data_source_id, stream) DO UPDATE SET cursor_field = EXCLUDED.cursor_field, after_value = NULL")
    void choose(@Bind("dataSourceId") String dataSourceId, @Bind("stream") String stream, @Bind("field") String field);

    @SqlUpdate("UPDATE dataset_stream_cursor SET after_value = :after WHERE data_source_id = :dataSourceId AND stream = :stream")
    void readUpTo(@Bind("dataSourceId") String dataSourceId, @Bind("stream") String stream, @Bind("after") String afterJson);

    @SqlUpdate("DELETE FROM dataset_stream_cursor WHERE data_source_id = :dataSourceId AND stream = :stream")
    void unchoose(@Bind("dataSourceId") String dataSourceId, @Bind("stream") String stream);
}
