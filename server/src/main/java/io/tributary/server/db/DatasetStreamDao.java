package io.tributary.server.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The streams data sources mirror, with their sync state; and each source's change feed cursor. */
@RegisterConstructorMapper(DatasetStreamRow.class)
public interface DatasetStreamDao {

    String COLUMNS = "data_source_id, stream, mode, start_date, lookback_days, state, backfill_started_at, backfill_finished_at, "
            + "high_water, last_sync_at, next_sync_at, last_error_code, last_error_message, last_error_permission, notice, selected_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM dataset_stream WHERE data_source_id = :dataSourceId ORDER BY stream")
    List<DatasetStreamRow> list(@Bind("dataSourceId") String dataSourceId);

    @SqlQuery("SELECT " + COLUMNS + " FROM dataset_stream WHERE data_source_id = :dataSourceId AND stream = :stream")
    Optional<DatasetStreamRow> find(@Bind("dataSourceId") String dataSourceId, @Bind("stream") String stream);

    @SqlUpdate("INSERT INTO dataset_stream (" + COLUMNS + ") VALUES (:dataSourceId, :stream, :mode, :startDate, :lookbackDays, "
            + ":state, :backfillStartedAt, :backfillFinishedAt, :highWater, :lastSyncAt, :nextSyncAt, :lastErrorCode, "
            + ":lastErrorMessage, :lastErrorPermission, :notice, :selectedAt)")
    void insert(@BindMethods DatasetStreamRow row);

    /** Adds a stream unless the source already has it (a pushed stream, kept without being selected). */
    @SqlUpdate("INSERT INTO dataset_stream (" + COLUMNS + ") VALUES (:dataSourceId, :stream, :mode, :startDate, :lookbackDays, "
            + ":state, :backfillStartedAt, :backfillFinishedAt, :highWater, :lastSyncAt, :nextSyncAt, :lastErrorCode, "
            + ":lastErrorMessage, :lastErrorPermission, :notice, :selectedAt) ON CONFLICT (data_source_id, stream) DO NOTHING")
    void insertIfAbsent(@BindMethods DatasetStreamRow row);

    @SqlUpdate("UPDATE dataset_stream SET mode = :mode, start_date = :startDate, lookback_days = :lookbackDays, state = :state, "
            + "backfill_started_at = :backfillStartedAt, backfill_finished_at = :backfillFinishedAt, high_water = :highWater, "
            + "last_sync_at = :lastSyncAt, next_sync_at = :nextSyncAt, last_error_code = :lastErrorCode, "
            + "last_error_message = :lastErrorMessage, last_error_permission = :lastErrorPermission, notice = :notice, "
            + "selected_at = :selectedAt WHERE data_source_id = :dataSourceId AND stream = :stream")
    int replace(@BindMethods DatasetStreamRow row);

    /**
     * Saves a sync's view of a stream, unless the stream was selected anew (or asked to resync)
     * while the sync ran: then the newer selection stands.
     */
    @SqlUpdate("UPDATE dataset_stream SET state = :state, backfill_started_at = :backfillStartedAt, "
            + "backfill_finished_at = :backfillFinishedAt, high_water = :highWater, last_sync_at = :lastSyncAt, "
            + "next_sync_at = :nextSyncAt, last_error_code = :lastErrorCode, last_error_message = :lastErrorMessage, "
            + "last_error_permission = :lastErrorPermission, notice = :notice "
            + "WHERE data_source_id = :dataSourceId AND stream = :stream AND selected_at = :selectedAt")
    int update(@BindMethods DatasetStreamRow row);

    /** Moves a stream's high water forward (a catch-up and a sync may both have read; the later read wins). */
    @SqlUpdate("UPDATE dataset_stream SET high_water = greatest(high_water, :highWater) "
            + "WHERE data_source_id = :dataSourceId AND stream = :stream")
    void moveHighWater(@Bind("dataSourceId") String dataSourceId, @Bind("stream") String stream, @Bind("highWater") Instant highWater);

    @SqlUpdate("DELETE FROM dataset_stream WHERE data_source_id = :dataSourceId AND stream = :stream")
    int delete(@Bind("dataSourceId") String dataSourceId, @Bind("stream") String stream);

    /** Sources with a stream due for a sync. */
    @SqlQuery("SELECT DISTINCT s.data_source_id FROM dataset_stream s JOIN data_source d ON d.id = s.data_source_id "
            + "WHERE s.next_sync_at <= :now AND d.status = 'active' LIMIT 500")
    List<String> dueSources(@Bind("now") Instant now);

    @SqlQuery("SELECT cursor FROM dataset_feed WHERE data_source_id = :dataSourceId")
    Optional<String> feedCursor(@Bind("dataSourceId") String dataSourceId);

    @SqlUpdate("INSERT INTO dataset_feed (data_source_id, cursor, updated_at) VALUES (:dataSourceId, :cursor, :at) "
            + "ON CONFLICT (data_source_id) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = EXCLUDED.updated_at")
    void saveFeedCursor(@Bind("dataSourceId") String dataSourceId, @Bind("cursor") String cursor, @Bind("at") Instant at);

    @SqlUpdate("DELETE FROM dataset_feed WHERE data_source_id = :dataSourceId")
    void deleteFeed(@Bind("dataSourceId") String dataSourceId);
}
