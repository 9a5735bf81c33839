package io.tributary.connector.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One event from a verified webhook delivery, and what it makes stale.
 *
 * @param id the outside system's event id; the host ignores an id it has seen before
 * @param type the event type, such as {@code customer.subscription.updated}
 * @param createdAt when the outside system created the event
 * @param staleQueryTypes the ids of the query types whose results this event may change; the host
 *     refreshes only the bindings of these
 * @param staleStreams the names of the streams whose mirrored objects this event may change
 * @param object the object the event is about, as the event carried it, or null when it carried
 *     none; a private copy. For each {@link StreamDescriptor#pushed() pushed} stream the event names
 *     in {@code staleStreams}, it is the record the host stores, and must then be a JSON object
 *     carrying the stream's primary key and creation time
 */
public record WebhookEvent(String id, String type, Instant createdAt, Set<String> staleQueryTypes,
                           Set<String> staleStreams, JsonNode object) {

    /** Checks and copies the inputs. */
    public WebhookEvent {
        Checks.text(id, "id");
        Checks.text(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        staleQueryTypes = Set.copyOf(staleQueryTypes);
        staleStreams = Set.copyOf(staleStreams);
        object = object == null ? null : object.deepCopy();
    }

    /**
     * The object the event is about.
     *
     * @return a copy, or null when the event carried none
     */
    @Override
    public JsonNode object() {
        return object == null ? null : object.deepCopy();
    }
}
