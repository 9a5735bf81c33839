package io.tributary.connector.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.CursorFormat;
import io.tributary.connector.spi.Retention;
import io.tributary.connector.spi.StreamDescriptor;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * A delivery as the host keeps it, a record of the pushed stream {@code deliveries}:
 * {@code {"id", "received_at", "scheme", "body", "headers"}}.
 */
final class DeliveryRecord {

    static final String STREAM = "deliveries";
    static final String ID = "id";
    static final String RECEIVED_AT = "received_at";
    static final String BODY = "body";
    static final String HEADERS = "headers";
    static final String SCHEME = "scheme";

    private DeliveryRecord() {
    }

    /** The stream's descriptor, kept for the operator's retention. */
    static StreamDescriptor stream(Retention retention) {
        return StreamDescriptor.builder(STREAM, "The verified deliveries: id, received time, JSON body and the headers chosen to keep.")
                .cursor(RECEIVED_AT, CursorFormat.ISO_8601)
                .pushed(retention)
                .build();
    }

    static ObjectNode of(Delivery delivery) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put(ID, delivery.id());
        // To the microsecond, as the host's database keeps times: records order by it, so deliveries close together must not tie.
        record.put(RECEIVED_AT, DateTimeFormatter.ISO_INSTANT.format(delivery.receivedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
        record.put(SCHEME, delivery.scheme());
        record.set(BODY, delivery.body());
        ObjectNode headers = record.putObject(HEADERS);
        delivery.headers().forEach((name, values) -> values.forEach(headers.withArray(name)::add));
        return record;
    }

    static Instant receivedAt(JsonNode record) {
        return CursorFormat.ISO_8601.read(record.get(RECEIVED_AT)).orElseThrow();
    }

    static JsonNode body(JsonNode record) {
        return record.path(BODY);
    }
}
