package io.tributary.server.db;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The windows of the backfills in progress, one set per source and stream; a window is known by its start. */
@RegisterConstructorMapper(DatasetWindowRow.class)
public interface DatasetWindowDao {

    String COLUMNS = "window_from, window_until, cursor, done, objects, reached";

    @SqlQuery("SELECT count(*) FROM dataset_window WHERE data_source_id = :source AND stream = :stream")
    int count(@Bind("source") String dataSourceId, @Bind("stream") String stream);

    @SqlQuery("SELECT " + COLUMNS + " FROM dataset_window WHERE data_source_id = :source AND stream = :stream")
    List<DatasetWindowRow> list(@Bind("source") String dataSourceId, @Bind("stream") String stream);

    /** The windows with more to read, newest first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM dataset_window WHERE data_source_id = :source AND stream = :stream AND NOT done "
            + "ORDER BY window_from DESC")
    List<DatasetWindowRow> open(@Bind("source") String dataSourceId, @Bind("stream") String stream);

    @SqlUpdate("INSERT INTO dataset_window (data_source_id, stream, window_from, window_until) VALUES (:source, :stream, :from, :until)")
    void insert(@Bind("source") String dataSourceId, @Bind("stream") String stream, @Bind("from") Instant from,
                @Bind("until") Instant until);

    /**
     * Records a page read from the window starting at {@code from}: its next cursor, whether it was
     * the last, the objects it held and how far back they reached; and the window's new start when
     * the page split off its older part.
     */
    @SqlUpdate("UPDATE dataset_window SET window_from = :newFrom, cursor = :cursor, done = :done, objects = objects + :objects, "
            + "reached = :reached WHERE data_source_id = :source AND stream = :stream AND window_from = :from")
    void recordPage(@Bind("source") String dataSourceId, @Bind("stream") String stream, @Bind("from") Instant from,
                    @Bind("newFrom") Instant newFrom, @Bind("cursor") String cursor, @Bind("done") boolean done,
                    @Bind("objects") int objects, @Bind("reached") Instant reached);

    /** Forgets a stream's windows. */
    @SqlUpdate("DELETE FROM dataset_window WHERE data_source_id = :source AND stream = :stream")
    void clear(@Bind("source") String dataSourceId, @Bind("stream") String stream);
}
