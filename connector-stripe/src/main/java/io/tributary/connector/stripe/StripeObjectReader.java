package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads one object of a top-level stream as it is now, for a change the feed could not carry
 * (an event rendered at another API version, or a subscription whose event lacks its expanded
 * discounts), in the shape the stream reads it. Gone objects read as empty: Stripe answers 404 for
 * most, and {@code {"deleted": true}} for a deleted customer.
 */
final class StripeObjectReader {

    private StripeObjectReader() {
    }

    /**
     * The object, or empty when it no longer exists.
     *
     * @param sessions opens the session, once the stream and id are known to be valid
     */
    static Optional<ObjectNode> read(Supplier<StripeSession> sessions, StripeStream stream, String objectId) {
        StripeObject object = stream.object().orElseThrow(() -> new ConnectorException(StandardErrorCode.UNSUPPORTED_OPERATION,
                "Stripe cannot read one object of " + stream.streamName() + ": they are read with their parent"));
        // Checked before it goes into the path: an id of the wrong form or prefix is a caller's mistake.
        if (!StreamReader.looksLikeId(objectId)) {
            throw ConnectorException.invalidParameter("objectId",
                    "Not a Stripe id: " + (objectId == null ? 0 : objectId.length()) + " characters of an unexpected form");
        }
        ListQuery.requirePrefix(object, objectId, "objectId");
        StripeSession session = sessions.get();
        JsonNode found;
        try {
            // Subscriptions are retrieved in every status, canceled ones included; their discounts
            // are expanded as the stream reads them (an event that asked for this read lacked them).
            Map<String, List<String>> query = object == StripeObject.SUBSCRIPTIONS
                    ? Map.of("expand[]", SubscriptionDiscounts.OBJECT_EXPANSIONS) : Map.of();
            found = session.getJson(object.permission(), object.path() + "/" + objectId, query);
        } catch (ConnectorException e) {
            if (e.errorCode().equals(StandardErrorCode.OBJECT_NOT_FOUND.toErrorCode())) {
                return Optional.empty();
            }
            throw e;
        }
        if (!found.isObject()) {
            throw new ConnectorException(StandardErrorCode.PROVIDER_ERROR, "Stripe answered a " + object.objectType() + " that is not an object");
        }
        if (found.path("deleted").asBoolean(false)) {
            return Optional.empty();
        }
        return Optional.of((ObjectNode) found);
    }
}
