package io.tributary.server.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The dataset mirror's records: one row per object of a source's stream, its newest version kept.
 * The {@code data} read is the object's JSON as text.
 */
@RegisterConstructorMapper(DatasetRecordRow.class)
public interface DatasetRecordDao {

    /** Newest first; records without a creation time sort as if created at the dawn of time, ties by id. */
    String NEWEST_FIRST = " ORDER BY coalesce(created_at, '-infinity'::timestamptz) DESC, object_id DESC";
    /** Rows a cursor fetches at a time, so a large stream is never loaded whole. */
    int FETCH_SIZE = 1000;

    /** How many live objects a stream holds. */
    record StreamCount(String stream, long objects) {
    }

    /**
     * Stores versions of objects, in one batch. Only a newer version, or the same version with
     * other content (a re-read), replaces what is stored: writing a page twice changes nothing,
     * and a late event cannot undo a newer change.
     *
     * @return for each version, the rows it changed (1 for a new object or a newer version, else 0)
     */
    @SqlBatch("INSERT INTO dataset_record (data_source_id, stream, object_id, created_at, version_at, deleted, data, synced_at, seen_at) "
            + "VALUES (:source, :stream, :objectId, :createdAt, :versionAt, :deleted, CAST(:data AS jsonb), :now, :now) "
            + "ON CONFLICT (data_source_id, stream, object_id) DO UPDATE SET created_at = EXCLUDED.created_at, "
            + "version_at = EXCLUDED.version_at, deleted = EXCLUDED.deleted, data = EXCLUDED.data, synced_at = EXCLUDED.synced_at "
            + "WHERE dataset_record.version_at < EXCLUDED.version_at "
            + "OR (dataset_record.version_at = EXCLUDED.version_at AND (dataset_record.data <> EXCLUDED.data "
            + "OR dataset_record.deleted <> EXCLUDED.deleted))")
    int[] write(@Bind("source") String dataSourceId, @BindMethods List<DatasetRecordRow> versions, @Bind("now") Instant now);

    /** Records that the full read {@code read} saw these objects of a stream, changed or not. */
    @SqlUpdate("UPDATE dataset_record SET seen_by_read = :read, seen_at = :now "
            + "WHERE data_source_id = :source AND stream = :stream AND object_id = ANY(:ids) AND seen_by_read IS DISTINCT FROM :read")
    void markSeen(@Bind("source") String dataSourceId, @Bind("stream") String stream, @Bind("ids") String[] objectIds,
                  @Bind("read") Instant read, @Bind("now") Instant now);

    /**
     * Marks deleted the live objects of a stream that the full read {@code read} did not see,
     * unless a change newer than the read's start wrote them.
     *
     * @return how many were marked deleted
     */
    @SqlUpdate("UPDATE dataset_record SET deleted = true, version_at = :read, synced_at = :now "
            + "WHERE data_source_id = :source AND stream = :stream AND NOT deleted "
            + "AND seen_by_read IS DISTINCT FROM :read AND version_at < :read")
    int sweepUnseen(@Bind("source") String dataSourceId, @Bind("stream") String stream, @Bind("read") Instant read,
                    @Bind("now") Instant now);

    /** The stored version of one object, deleted or not. */
    @SqlQuery("SELECT stream, object_id, created_at, version_at, deleted, data::text AS data FROM dataset_record "
            + "WHERE data_source_id = :source AND stream = :stream AND object_id = :id")
    Optional<DatasetRecordRow> find(@Bind("source") String dataSourceId, @Bind("stream") String stream, @Bind("id") String objectId);

    /** Retention by age: drops the records created before the cutoff. */
    @SqlUpdate("DELETE FROM dataset_record WHERE data_source_id = :source AND stream = :stream AND created_at < :cutoff")
    int deleteCreatedBefore(@Bind("source") String dataSourceId, @Bind("stream") String stream, @Bind("cutoff") Instant cutoff);

    /** Retention by count: drops all but the newest {@code keep} records. */
    @SqlUpdate("DELETE FROM dataset_record WHERE data_source_id = :source AND stream = :stream AND object_id IN ("
            + "SELECT object_id FROM dataset_record WHERE data_source_id = :source AND stream = :stream"
            + " ORDER BY created_at DESC, object_id DESC OFFSET :keep)")
    int deleteAllButNewest(@Bind("source") String dataSourceId, @Bind("stream") String stream, @Bind("keep") long keep);

    @SqlUpdate("DELETE FROM dataset_record WHERE data_source_id = :source AND stream = :stream")
    void deleteStream(@Bind("source") String dataSourceId, @Bind("stream") String stream);

    /** The live objects of each of a source's streams; streams without any are left out. */
    @SqlQuery("SELECT stream, count(*) AS objects FROM dataset_record WHERE data_source_id = :source AND NOT deleted GROUP BY stream")
    @RegisterConstructorMapper(StreamCount.class)
    List<StreamCount> counts(@Bind("source") String dataSourceId);

    /** A stream's live objects, newest first, fetched in chunks: read inside a transaction (a PostgreSQL cursor needs one). */
    @SqlQuery("SELECT data::text FROM dataset_record WHERE data_source_id = :source AND stream = :stream AND NOT deleted" + NEWEST_FIRST)
    @FetchSize(FETCH_SIZE)
    Stream<String> liveData(@Bind("source") String dataSourceId, @Bind("stream") String stream);

    /** Like {@link #liveData}, for the objects created in {@code [from, until)}. */
    @SqlQuery("SELECT data::text FROM dataset_record WHERE data_source_id = :source AND stream = :stream AND NOT deleted "
            + "AND created_at >= :from AND created_at < :until" + NEWEST_FIRST)
    @FetchSize(FETCH_SIZE)
    Stream<String> liveDataCreated(@Bind("source") String dataSourceId, @Bind("stream") String stream, @Bind("from") Instant from,
                                   @Bind("until") Instant until);

    @SqlQuery("SELECT data::text FROM dataset_record WHERE data_source_id = :source AND stream = :stream AND NOT deleted"
            + NEWEST_FIRST + " LIMIT :limit")
    List<String> newestData(@Bind("source") String dataSourceId, @Bind("stream") String stream, @Bind("limit") int limit);

    /** One live object's data. */
    @SqlQuery("SELECT data::text FROM dataset_record WHERE data_source_id = :source AND stream = :stream AND object_id = :id "
            + "AND NOT deleted")
    Optional<String> liveDataOf(@Bind("source") String dataSourceId, @Bind("stream") String stream, @Bind("id") String objectId);
}
