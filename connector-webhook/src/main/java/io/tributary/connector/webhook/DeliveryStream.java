package io.tributary.connector.webhook;

import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.MirrorQueries;
import io.tributary.connector.spi.Retention;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.Streams;
import java.util.List;
import java.util.Optional;

/** The one stream, {@code deliveries}: pushed, so the host keeps it and never asks to read it. */
final class DeliveryStream implements Streams {

    private final StreamDescriptor deliveries;
    private final DeliveryQueries queries = new DeliveryQueries();

    DeliveryStream(Retention retention) {
        this.deliveries = DeliveryRecord.stream(retention);
    }

    @Override
    public List<StreamDescriptor> descriptors() {
        return List.of(deliveries);
    }

    @Override
    public StreamPage read(ConnectorContext context, StreamReadRequest request) {
        if (!deliveries.name().equals(request.stream())) {
            throw new ConnectorException(StandardErrorCode.UNKNOWN_STREAM, "There is no stream '" + request.stream() + "'");
        }
        throw new ConnectorException(StandardErrorCode.UNSUPPORTED_OPERATION,
                "Deliveries are pushed by their sender and kept by the server; there is nothing to read");
    }

    @Override
    public Optional<MirrorQueries> mirrorQueries() {
        return Optional.of(queries);
    }
}
