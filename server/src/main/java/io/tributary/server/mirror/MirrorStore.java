package io.tributary.server.mirror;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.server.db.DatasetRecordDao;
import io.tributary.server.db.DatasetRecordRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

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
        DatasetRecordDao records = handle.attach(DatasetRecordDao.class);
        List<DatasetRecordRow> versions = objects.stream().map(object -> new DatasetRecordRow(object.stream(), object.objectId(),
                object.createdAt(), object.versionAt(), object.deleted(), write(object.data()))).toList();
        int changed = 0;
        for (int count : records.write(dataSourceId, versions, now)) {
            changed += count;
        }
        if (read != null) {
            markSeen(records, dataSourceId, objects, read, now);
        }
        return changed;
    }

    /** Records that a full read saw these objects, changed or not: one statement per stream. */
    private static void markSeen(DatasetRecordDao records, String dataSourceId, List<MirroredObject> objects, Instant read, Instant now) {
        Map<String, List<String>> idsByStream = new LinkedHashMap<>();
        for (MirroredObject object : objects) {
            idsByStream.computeIfAbsent(object.stream(), stream -> new ArrayList<>()).add(object.objectId());
        }
        idsByStream.forEach((stream, ids) -> records.markSeen(dataSourceId, stream, ids.toArray(String[]::new), read, now));
    }

    /**
     * Marks deleted the live objects of a stream that the full read started at {@code read} did
     * not see, unless a change newer than the read's start wrote them. Reads are told apart by
     * id, not by the server's clock, so a clock that steps back cannot mark live objects deleted.
     *
     * @return how many objects were marked deleted
     */
    public int sweepUnseen(Handle handle, String dataSourceId, String stream, Instant read) {
        return handle.attach(DatasetRecordDao.class).sweepUnseen(dataSourceId, stream, read, clock.instant());
    }

    /** The stored version of one object. */
    public Optional<MirroredObject> find(String dataSourceId, String stream, String objectId) {
        return jdbi.withExtension(DatasetRecordDao.class, records -> records.find(dataSourceId, stream, objectId))
                .map(row -> new MirroredObject(row.stream(), row.objectId(), row.createdAt(), row.versionAt(), row.deleted(), read(row.data())));
    }

    /** Drops a stream's records: it is no longer mirrored. */
    public void deleteStream(Handle handle, String dataSourceId, String stream) {
        handle.attach(DatasetRecordDao.class).deleteStream(dataSourceId, stream);
    }

    /** How many live (not deleted) objects a stream holds. */
    public long count(String dataSourceId, String stream) {
        return counts(dataSourceId).getOrDefault(stream, 0L);
    }

    /** How many live (not deleted) objects each of a source's streams holds, in one query; streams without any are left out. */
    public Map<String, Long> counts(String dataSourceId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbi.withExtension(DatasetRecordDao.class, records -> records.counts(dataSourceId))
                .forEach(count -> counts.put(count.stream(), count.objects()));
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
