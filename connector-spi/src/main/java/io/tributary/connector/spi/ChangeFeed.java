package io.tributary.connector.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A connector's change feed: the changes made in the outside system after a position, so the host
 * keeps mirrored streams current without reading them whole again.
 */
public interface ChangeFeed {

    /**
     * Where the feed stands now: a cursor from which {@link #read} returns the changes made after
     * this call. The host asks for it before a stream's backfill starts, so a change made while
     * the backfill runs is applied after it.
     *
     * @param context the source's context
     * @return an opaque cursor
     * @throws ConnectorException on any failure
     */
    String start(ConnectorContext context);

    /**
     * Reads the changes made after a cursor, oldest first, for the streams requested.
     *
     * @param context the source's context
     * @param request the cursor and the streams of interest
     * @return the changes, or {@link ChangePage#expired} when the cursor is older than the feed's
     *     history
     * @throws ConnectorException on any failure
     */
    ChangePage read(ConnectorContext context, ChangeRequest request);

    /**
     * Reads one object of a stream as it is now, for a change that carried no usable state
     * ({@link Change#needsRead()}).
     *
     * @param context the source's context
     * @param stream the stream's name
     * @param objectId the object's id
     * @return the object, or empty when it no longer exists (it was deleted)
     * @throws ConnectorException on any failure
     */
    Optional<ObjectNode> readObject(ConnectorContext context, String stream, String objectId);
}
