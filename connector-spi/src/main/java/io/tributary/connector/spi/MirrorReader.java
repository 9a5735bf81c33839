package io.tributary.connector.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Read access to the host's mirror of a data source's streams, for answering a query from the
 * host's database instead of the outside system ({@link MirrorQueries#run}). Only live
 * (not deleted) records are visible; each is the object as {@link Streams#read} or the
 * change feed returned it. Implementations are the host's; connectors only call them.
 */
public interface MirrorReader {

    /**
     * Visits the records of a stream, newest first.
     *
     * @param stream one of the streams {@link MirrorQueries#streamsFor} named
     * @param window only records created in this window; null for all
     * @param action called once per record, with a private copy
     */
    void forEach(String stream, CreatedWindow window, Consumer<ObjectNode> action);

    /**
     * The newest records of a stream, by creation time.
     *
     * @param stream one of the streams {@link MirrorQueries#streamsFor} named
     * @param limit the most records to return
     * @return private copies, newest first
     */
    List<ObjectNode> newest(String stream, int limit);

    /**
     * One record by id.
     *
     * @param stream one of the streams {@link MirrorQueries#streamsFor} named
     * @param id the record's primary key
     * @return a private copy, or empty when the mirror holds no live record with that id
     */
    Optional<ObjectNode> find(String stream, String id);
}
