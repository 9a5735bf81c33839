package io.tributary.server.mirror;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes and reads mirrored objects. Writes are idempotent and ordered by version: writing the
 * same page twice changes nothing, and a version older than the stored one is ignored, so late and
 * repeated events cannot undo a newer change.
 */
public final class MirrorStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final Clock clock;

    public MirrorStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Stores versions of objects in one transaction.
     *
     * @return how many rows changed (new objects and newer versions)
     */
    public int write(String dataSourceId, List<MirroredObject> objects) {
        return jdbi.inTransaction(handle -> write(handle, dataSourceId, objects));
    }

    /** Stores versions of objects inside the caller's transaction (with the progress that goes with them). */
    public int write(Handle handle, String dataSourceId, List<MirroredObject> objects) {
        return write(handle, dataSourceId, objects, null);
    }

    /**
     * Stores versions of objects read by a full read, inside the caller's transaction, and records
     * that this read saw them (changed or not), for {@link #sweepUnseen}.
     *
     * @param read the full read's id (its start); null for objects that did not come from one
     */
    public int write(Handle handle, String dataSourceId, List<MirroredObject> objects, Instant read) {
        if (objects.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        PreparedBatch batch = handle.prepareBatch(
                "INSERT INTO dataset_record (data_source_id, stream, object_id, created_at, version_at, deleted, data, synced_at, seen_at) "
                        + "VALUES (:source, :stream, :id, :created, :version, :deleted, CAST(:data AS jsonb), :now, :now) "
                        + "ON CONFLICT (data_source_id, stream, object_id) DO UPDATE SET created_at = EXCLUDED.created_at, "
                        + "version_at = EXCLUDED.version_at, deleted = EXCLUDED.deleted, data = EXCLUDED.data, synced_at = EXCLUDED.synced_at "
                        // Only a newer version, or the same version with other content (a re-read), replaces what is stored.
                        + "WHERE dataset_record.version_at < EXCLUDED.version_at "
                        + "OR (dataset_record.version_at = EXCLUDED.version_at AND (dataset_record.data <> EXCLUDED.data "
                        + "OR dataset_record.deleted <> EXCLUDED.deleted))");
        for (MirroredObject object : objects) {
            batch.bind("source", dataSourceId).bind("stream", object.stream()).bind("id", object.objectId())
                    .bind("created", object.createdAt() == null ? null : Timestamp.from(object.createdAt()))
                    .bind("version", Timestamp.from(object.versionAt())).bind("deleted", object.deleted())
                    .bind("data", write(object.data())).bind("now", Timestamp.from(now)).add();
        }
        int changed = 0;
        for (int count : batch.execute()) {
            changed += count;
        }
        if (read != null) {
            markSeen(handle, dataSourceId, objects, read, now);
        }
        return changed;
    }

    /** Records that a full read saw these objects, changed or not. */
    private static void markSeen(Handle handle, String dataSourceId, List<MirroredObject> objects, Instant read, Instant now) {
        Map<String, List<String>> idsByStream = new LinkedHashMap<>();
        for (MirroredObject object : objects) {
            idsByStream.computeIfAbsent(object.stream(), stream -> new ArrayList<>()).add(object.objectId());
        }
        idsByStream.forEach((stream, ids) -> handle.createUpdate("UPDATE dataset_record SET seen_by_read = :read, seen_at = :now "
                        + "WHERE data_source_id = :source AND stream = :stream AND object_id = ANY(:ids) "
                        + "AND seen_by_read IS DISTINCT FROM :read")
                .bind("read", Timestamp.from(read)).bind("now", Timestamp.from(now)).bind("source", dataSourceId).bind("stream", stream)
                .bindArray("ids", String.class, ids).execute());
    }

    /**
     * Marks deleted the live objects of a stream that the full read started at {@code read} did
     * not see, unless a change newer than the read's start wrote them. Reads are told apart by
     * id, not by the server's clock, so a clock that steps back cannot mark live objects deleted.
     *
     * @return how many objects were marked deleted
     */
    public int sweepUnseen(Handle handle, String dataSourceId, String stream, Instant read) {
        return handle.createUpdate("UPDATE dataset_record SET deleted = true, version_at = :read, synced_at = :now "
                        + "WHERE data_source_id = :source AND stream = :stream AND NOT deleted "
                        + "AND seen_by_read IS DISTINCT FROM :read AND version_at < :read")
                .bind("read", Timestamp.from(read)).bind("now", Timestamp.from(clock.instant()))
                .bind("source", dataSourceId).bind("stream", stream).execute();
    }

    /** The stored version of one object. */
    public Optional<MirroredObject> find(String dataSourceId, String stream, String objectId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT stream, object_id, created_at, version_at, deleted, data::text AS data FROM dataset_record "
                                + "WHERE data_source_id = :source AND stream = :stream AND object_id = :id")
                .bind("source", dataSourceId).bind("stream", stream).bind("id", objectId)
                .map((rs, ctx) -> new MirroredObject(rs.getString("stream"), rs.getString("object_id"),
                        rs.getTimestamp("created_at") == null ? null : rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("version_at").toInstant(), rs.getBoolean("deleted"), read(rs.getString("data"))))
                .findOne());
    }

    /** Drops a stream's records: it is no longer mirrored. */
    public void deleteStream(Handle handle, String dataSourceId, String stream) {
        handle.createUpdate("DELETE FROM dataset_record WHERE data_source_id = :source AND stream = :stream")
                .bind("source", dataSourceId).bind("stream", stream).execute();
    }

    /** How many live (not deleted) objects a stream holds. */
    public long count(String dataSourceId, String stream) {
        return counts(dataSourceId).getOrDefault(stream, 0L);
    }

    /** How many live (not deleted) objects each of a source's streams holds, in one query; streams without any are left out. */
    public Map<String, Long> counts(String dataSourceId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT stream, count(*) AS objects FROM dataset_record "
                        + "WHERE data_source_id = :source AND NOT deleted GROUP BY stream")
                .bind("source", dataSourceId)
                .map((rs, ctx) -> Map.entry(rs.getString("stream"), rs.getLong("objects")))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue())));
        return counts;
    }

    private static String write(ObjectNode data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON could not be read", e);
        }
    }
}
