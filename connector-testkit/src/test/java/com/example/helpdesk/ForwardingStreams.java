package com.example.helpdesk;

import io.tributary.connector.spi.ChangeFeed;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.MirrorQueries;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.Streams;
import java.util.List;
import java.util.Optional;

/** Streams that read as others do; a broken variant overrides the one thing it gets wrong. */
class ForwardingStreams implements Streams {

    private final Streams delegate;

    ForwardingStreams(Streams delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<StreamDescriptor> descriptors() {
        return delegate.descriptors();
    }

    @Override
    public StreamPage read(ConnectorContext context, StreamReadRequest request) {
        return delegate.read(context, request);
    }

    @Override
    public Optional<ChangeFeed> changeFeed() {
        return delegate.changeFeed();
    }

    @Override
    public Optional<MirrorQueries> mirrorQueries() {
        return delegate.mirrorQueries();
    }
}
