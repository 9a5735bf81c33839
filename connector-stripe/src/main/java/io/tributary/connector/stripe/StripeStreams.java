package io.tributary.connector.stripe;

import io.tributary.connector.spi.ChangeFeed;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.MirrorQueries;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.Streams;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Stripe's object streams ({@link StripeStream}), read page by page ({@link StreamReader}).
 *
 * <p>Mirrored streams are kept current by a change feed built on the account's events
 * ({@link StripeChangeFeed}, which needs the Events read permission): each event becomes a row of
 * the {@code events} stream and a change to the object it is about ({@link EventChanges}); an event
 * rendered at another API version than the one this connector reads at carries no state, and the
 * host reads the object again ({@link StripeChangeFeed#readObject}). So does an event about a
 * subscription with discounts: the stream holds subscriptions with their discounts expanded, and
 * an event's payload never carries expansions. Stripe keeps events for 30 days, so a feed left
 * unread longer than that expires and the host reads the streams again.
 *
 * <p>Three queries can be answered from the host's mirror of the streams
 * ({@link StripeMirrorQueries}).
 */
final class StripeStreams implements Streams {

    private static final List<StreamDescriptor> DESCRIPTORS = Arrays.stream(StripeStream.values()).map(StripeStream::descriptor).toList();

    private final StripeSessions sessions;
    private final StripeChangeFeed changeFeed;
    private final StripeMirrorQueries mirrorQueries;

    StripeStreams(StripeSessions sessions, StripeQueries queries) {
        this.sessions = sessions;
        this.changeFeed = new StripeChangeFeed(sessions);
        this.mirrorQueries = new StripeMirrorQueries(sessions, queries);
    }

    @Override
    public List<StreamDescriptor> descriptors() {
        return DESCRIPTORS;
    }

    @Override
    public StreamPage read(ConnectorContext context, StreamReadRequest request) {
        StripeStream stream = StripeStream.require(request.stream());
        return StreamReader.read(sessions.open(context), stream, request);
    }

    @Override
    public Optional<ChangeFeed> changeFeed() {
        return Optional.of(changeFeed);
    }

    @Override
    public Optional<MirrorQueries> mirrorQueries() {
        return Optional.of(mirrorQueries);
    }
}
