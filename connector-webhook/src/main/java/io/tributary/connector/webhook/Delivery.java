package io.tributary.connector.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.spi.WebhookEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One verified delivery.
 *
 * @param id the sender's delivery id, for deduplication
 * @param scheme the name of the scheme that verified it
 * @param receivedAt when it was verified, by the host's clock
 * @param body the parsed body, an object or an array; a private copy
 * @param headers the kept headers, names in lower case
 */
public record Delivery(String id, String scheme, Instant receivedAt, JsonNode body, Map<String, List<String>> headers) {

    /** The type of every event a delivery becomes: the connector does not interpret bodies. */
    public static final String EVENT_TYPE = "webhook.delivery";

    /** Checks and copies the inputs. */
    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(receivedAt, "receivedAt");
        body = Objects.requireNonNull(body, "body").deepCopy();
        headers = Map.copyOf(headers);
    }

    /**
     * The parsed body.
     *
     * @return a copy
     */
    @Override
    public JsonNode body() {
        return body.deepCopy();
    }

    /**
     * The event the host records for this delivery: it keeps the delivery as a record of the pushed
     * stream {@code deliveries}, and refreshes the bindings of the stale query types.
     *
     * @param staleQueryTypes the query types whose results a delivery may change
     * @return the event: this id, {@link #EVENT_TYPE}, received time, the delivery's record as its object
     */
    public WebhookEvent toEvent(Set<String> staleQueryTypes) {
        return new WebhookEvent(id, EVENT_TYPE, receivedAt, staleQueryTypes, Set.of(DeliveryRecord.STREAM), DeliveryRecord.of(this));
    }
}
