package io.tributary.server.mirror;

import io.tributary.connector.spi.ChangeFeed;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.MirrorQueries;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.Streams;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connector's streams as one source reads them: every read of a stream carries the key a person
 * chose for it ({@link StreamReadRequest#key()}), however the read is made (a backfill window, a
 * read by cursor), so no reader has to remember it.
 */
final class KeyedReads implements Streams {

    private final Streams connector;
    private final Map<String, List<String>> keys;

    KeyedReads(Streams connector, Map<String, List<String>> keys) {
        this.connector = connector;
        this.keys = Map.copyOf(keys);
    }

    @Override
    public List<StreamDescriptor> descriptors() {
        return connector.descriptors();
    }

    @Override
    public List<StreamDescriptor> discover(ConnectorContext context) {
        return connector.discover(context);
    }

    @Override
    public StreamPage read(ConnectorContext context, StreamReadRequest request) {
        List<String> key = keys.get(request.stream());
        return connector.read(context, key == null ? request : request.withKey(key));
    }

    @Override
    public Optional<ChangeFeed> changeFeed() {
        return connector.changeFeed();
    }

    @Override
    public Optional<MirrorQueries> mirrorQueries() {
        return connector.mirrorQueries();
    }
}
