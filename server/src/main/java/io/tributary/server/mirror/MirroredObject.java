package io.tributary.server.mirror;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

    @Override
    public ObjectNode data() {
        return data.deepCopy();
    }
}
