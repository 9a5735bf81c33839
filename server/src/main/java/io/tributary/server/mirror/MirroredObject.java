package io.tributary.server.mirror;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.StreamDescriptor;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of one object of a stream, as the mirror stores it.
 *
 * @param stream the stream, such as {@code customers}
 * @param objectId the object's id
 * @param createdAt the object's creation time, or null when it has none
 * @param versionAt when this version was observed (an event's creation time, or the time of the
 *     read that returned it): the mirror keeps the newest
 * @param deleted whether the object was deleted
 * @param data the object as the provider returned it
 */
public record MirroredObject(String stream, String objectId, Instant createdAt, Instant versionAt, boolean deleted, ObjectNode data) {

    /** Checks and copies the inputs. */
    public MirroredObject {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(versionAt, "versionAt");
        Objects.requireNonNull(data, "data");
        data = data.deepCopy();
    }

    /** A version of a stream's record, its id and creation time taken from the fields the stream names. */
    public static MirroredObject of(StreamDescriptor stream, ObjectNode record, Instant versionAt, boolean deleted) {
        return of(stream, record.get(stream.primaryKey()).asText(), record, versionAt, deleted);
    }

    /** Like {@link #of(StreamDescriptor, ObjectNode, Instant, boolean)}, for a record whose id is known apart from it. */
    public static MirroredObject of(StreamDescriptor stream, String objectId, ObjectNode record, Instant versionAt, boolean deleted) {
        // The stream says how it writes creation times; the contract kit checks every record agrees.
        Instant createdAt = stream.createdAt(record).orElse(null);
        return new MirroredObject(stream.name(), objectId, createdAt, versionAt, deleted, record);
    }

    @Override
    public ObjectNode data() {
        return data.deepCopy();
    }
}
