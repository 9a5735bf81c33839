package io.tributary.connector.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One change to one object of a stream, from a connector's change feed.
 *
 * <p>Three shapes: an object's new state ({@code object} set, not deleted); a deletion
 * ({@code deleted}, with the object's last state when the feed carried it); or "changed, read it
 * again" ({@code object} null, not deleted), for a change whose payload the connector cannot trust
 * to be whole (for example an event rendered at another API version). The host then reads the
 * object with {@link ChangeFeed#readObject}.
 *
 * @param stream the stream the object belongs to
 * @param objectId the object's id
 * @param versionAt when the outside system made the change: the host never lets an older version
 *     replace a newer one, so changes may arrive late or twice
 * @param deleted whether the object was deleted
 * @param object the object's state after the change, or null when it must be read again (or was
 *     deleted and the feed carried nothing); a private copy
 */
public record Change(String stream, String objectId, Instant versionAt, boolean deleted, ObjectNode object) {

    /** Checks and copies the inputs. */
    public Change {
        Checks.identifier(stream, "Stream name");
        Checks.text(objectId, "objectId");
        Objects.requireNonNull(versionAt, "versionAt");
        object = object == null ? null : object.deepCopy();
    }

    /**
     * Whether the host must read the object again to learn its state.
     *
     * @return true for a change that is not a deletion and carried no object
     */
    public boolean needsRead() {
        return !deleted && object == null;
    }

    /**
     * The object's state after the change.
     *
     * @return a copy, or null when the change carried none
     */
    @Override
    public ObjectNode object() {
        return object == null ? null : object.deepCopy();
    }
}
