package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;
import io.tributary.connector.spi.Change;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one Stripe event into the changes it stands for: the event itself, a new row of the
 * {@code events} stream, and a change to the object the event is about ({@code data.object}) when
 * that object has a top-level stream. The change carries the payload when it is what a read of the
 * stream returns; otherwise (another API version, a subscription's unexpanded discounts) it asks
 * the host to read the object again.
 */
final class EventChanges {

    /**
     * The API version stripe-java pins and the connector reads everything else at. An event's
     * payload is rendered at the account's API version when the event happened, which may lack
     * fields (or hold them elsewhere) compared with what a read at this version returns.
     */
    static final String PINNED_API_VERSION = Stripe.API_VERSION;

    /** Stripe deletes nothing on {@code customer.subscription.deleted}: it cancels the subscription. */
    private static final String SUBSCRIPTION_CANCELED = "customer.subscription.deleted";

    /** What an event says, checked. */
    record Event(String id, String type, Instant created, String apiVersion, ObjectNode json) {
    }

    private EventChanges() {
    }

    /** Reads the fields every event has; a listed event without them is Stripe answering nonsense. */
    static Event event(JsonNode json) {
        if (json == null || !json.isObject() || !json.path("id").isTextual() || json.path("id").textValue().isBlank()
                || !json.path("type").isTextual() || !json.path("created").isIntegralNumber()) {
            throw new ConnectorException(StandardErrorCode.PROVIDER_ERROR,
                    "Stripe listed an event without an id, a type or a creation time");
        }
        return new Event(json.get("id").textValue(), json.get("type").textValue(),
                Instant.ofEpochSecond(json.get("created").longValue()), json.path("api_version").textValue(), (ObjectNode) json);
    }

    /**
     * The changes an event stands for, among the requested streams: none, one or two.
     *
     * @param streams the names of the streams the host wants changes of
     */
    static List<Change> of(Event event, Set<String> streams) {
        List<Change> changes = new ArrayList<>(2);
        if (streams.contains(StripeStream.EVENTS.streamName())) {
            changes.add(new Change(StripeStream.EVENTS.streamName(), event.id(), event.created(), false, event.json()));
        }
        objectChange(event).filter(change -> streams.contains(change.stream())).ifPresent(changes::add);
        return changes;
    }

    private static Optional<Change> objectChange(Event event) {
        JsonNode object = event.json().path("data").path("object");
        // Events about objects without a stream (balance, discount, tax id, ...) or without an id
        // (invoice.upcoming) change nothing the host mirrors.
        if (!object.isObject() || !object.path("id").isTextual() || object.path("id").textValue().isBlank()) {
            return Optional.empty();
        }
        Optional<StripeStream> stream = StripeObject.ofObjectType(object.path("object").asText())
                .filter(stripeObject -> stripeObject != StripeObject.EVENTS)
                .flatMap(StripeStream::ofObject);
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        boolean deleted = isDeletion(event.type());
        // A payload at another API version (or at an unknown one) is not what a read returns:
        // passing it on would store an object of the wrong shape, so the host reads it again.
        // A deletion needs no state to be applied, so it stays a deletion, without the payload.
        ObjectNode state = PINNED_API_VERSION.equals(event.apiVersion()) ? (ObjectNode) object : null;
        // An event's payload never carries expansions: a subscription with discounts holds only
        // their ids, where the stream holds them expanded (MRR needs them, and Stripe cannot fetch
        // a discount on its own), so the host reads it again. One without discounts is whole.
        if (state != null && stream.get() == StripeStream.SUBSCRIPTIONS && SubscriptionDiscounts.unexpanded(state)) {
            state = null;
        }
        return Optional.of(new Change(stream.get().streamName(), object.get("id").textValue(), event.created(), deleted, state));
    }

    /**
     * Whether the event deletes its object. A canceled subscription still exists and is listed with
     * {@code status=canceled}, so its {@code .deleted} event is an update.
     */
    static boolean isDeletion(String type) {
        return type.endsWith(".deleted") && !SUBSCRIPTION_CANCELED.equals(type);
    }
}
