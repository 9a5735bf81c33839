package io.tributary.connector.spi;

import java.util.List;
import java.util.Optional;

/**
 * A connector's streams: objects the host mirrors into its database, so each becomes a dataset.
 * The host reads a stream whole (in creation-time windows where the stream allows), then keeps
 * {@link StreamDescriptor#incremental()} streams current with the objects created since and, when
 * the connector has one, its {@link #changeFeed()}.
 */
public interface Streams {

    /**
     * The streams, as data.
     *
     * @return the stream descriptors, names unique, the same on every call; not empty unless the
     *     connector discovers its streams per source ({@link #discover})
     */
    List<StreamDescriptor> descriptors();

    /**
     * The streams one data source offers, when they depend on the source rather than only on the
     * connector (a database's tables and views). The host calls it when the source's credentials are
     * checked, keeps the list with the source, and from then on uses it for that source instead of
     * {@link #descriptors()}. A connector whose streams are all discovered may declare none in
     * {@link #descriptors()}. Since SPI 2.2.
     *
     * @param context the source's context
     * @return the source's streams, names unique; by default {@link #descriptors()}
     * @throws ConnectorException on any failure, as {@link Connector#validateCredentials} would report it
     */
    default List<StreamDescriptor> discover(ConnectorContext context) {
        return descriptors();
    }

    /**
     * Reads one page of a stream.
     *
     * @param context the source's context
     * @param request the stream, the cursor to continue from and an optional creation-time window
     * @return one page of records and the cursor of the next page
     * @throws ConnectorException on any failure
     */
    StreamPage read(ConnectorContext context, StreamReadRequest request);

    /**
     * What changed in the outside system since a position, when the system keeps such a feed.
     *
     * @return the change feed, or empty (the default)
     */
    default Optional<ChangeFeed> changeFeed() {
        return Optional.empty();
    }

    /**
     * Answers to queries from the host's mirror instead of the outside system, when the connector
     * can give them.
     *
     * @return the capability, or empty (the default)
     */
    default Optional<MirrorQueries> mirrorQueries() {
        return Optional.empty();
    }

    /**
     * The stream with this name.
     *
     * @param name a stream name such as {@code customers}
     * @return the stream, or empty when there is none by that name
     */
    default Optional<StreamDescriptor> descriptor(String name) {
        return descriptors().stream().filter(stream -> stream.name().equals(name)).findFirst();
    }
}
