package io.tributary.connector.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.CreatedWindow;
import io.tributary.connector.spi.MirrorQueries;
import io.tributary.connector.spi.MirrorReader;
import io.tributary.connector.spi.QueryParameters;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers every query type from the deliveries the host keeps: the connector has no sender to
 * ask, so this is the only way its queries are answered.
 */
final class DeliveryQueries implements MirrorQueries {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The key of the group of deliveries with nothing at the group_by path. */
    private static final String NO_KEY = "\u0000none";

    @Override
    public Set<String> streamsFor(QueryRequest request) {
        return Set.of(DeliveryRecord.STREAM);
    }

    @Override
    public Optional<QueryResult> run(ConnectorContext context, QueryRequest request, MirrorReader mirror) {
        QueryParameters parameters = request.parameters();
        String id = request.queryType().id();
        Instant now = context.clock().instant();
        ObjectNode data = switch (id) {
            case WebhookQueryTypes.LATEST -> latest(mirror, parameters);
            case WebhookQueryTypes.LIST -> list(mirror, parameters);
            case WebhookQueryTypes.COUNT -> count(mirror, parameters, now);
            default -> aggregate(mirror, parameters, now, WebhookQueryTypes.AGGREGATES.get(id));
        };
        return Optional.of(new QueryResult(data, List.of()));
    }

    private static ObjectNode latest(MirrorReader mirror, QueryParameters parameters) {
        ObjectNode data = JSON.objectNode();
        List<ObjectNode> newest = mirror.newest(DeliveryRecord.STREAM, 1);
        if (newest.isEmpty()) {
            data.putNull("value");
            data.putNull("received_at");
            data.putNull("delivery_id");
            return data;
        }
        ObjectNode record = newest.get(0);
        JsonNode body = DeliveryRecord.body(record);
        data.set("value", parameters.string(WebhookQueryTypes.PATH).map(path -> JsonPath.parse(path).in(body)).orElse(body));
        data.put("received_at", DeliveryRecord.receivedAt(record).getEpochSecond());
        data.put("delivery_id", record.path(DeliveryRecord.ID).asText());
        return data;
    }

    private static ObjectNode list(MirrorReader mirror, QueryParameters parameters) {
        int limit = parameters.integer(WebhookQueryTypes.LIMIT).orElse(10L).intValue();
        List<JsonPath> paths = parameters.string(WebhookQueryTypes.PATHS).map(text -> List.of(text.split(",")).stream()
                .map(JsonPath::parse).toList()).orElse(List.of());
        ObjectNode data = JSON.objectNode();
        ArrayNode deliveries = data.putArray("deliveries");
        for (ObjectNode record : mirror.newest(DeliveryRecord.STREAM, limit)) {
            ObjectNode item = deliveries.addObject();
            item.put("id", record.path(DeliveryRecord.ID).asText());
            item.put("received_at", DeliveryRecord.receivedAt(record).getEpochSecond());
            JsonNode body = DeliveryRecord.body(record);
            if (paths.isEmpty()) {
                item.putNull("values");
                item.set("body", body);
            } else {
                ObjectNode values = item.putObject("values");
                paths.forEach(path -> values.set(path.toString(), path.in(body)));
                item.putNull("body");
            }
        }
        data.put("count", deliveries.size());
        return data;
    }

    private static ObjectNode count(MirrorReader mirror, QueryParameters parameters, Instant now) {
        Instant from = windowStart(parameters, now);
        Optional<JsonPath> groupBy = parameters.string(WebhookQueryTypes.GROUP_BY).map(JsonPath::parse);
        long[] total = new long[1];
        Map<String, long[]> groups = new HashMap<>();
        mirror.forEach(DeliveryRecord.STREAM, window(from, now), record -> {
            total[0]++;
            groupBy.ifPresent(path -> groups.computeIfAbsent(key(path.in(DeliveryRecord.body(record))), ignored -> new long[1])[0]++);
        });
        ObjectNode data = JSON.objectNode();
        data.put("value", total[0]);
        data.put("window_from", from.getEpochSecond());
        ArrayNode array = data.putArray("groups");
        groups.entrySet().stream().sorted(largestFirst(entry -> entry.getValue()[0])).limit(WebhookQueryTypes.MAX_GROUPS)
                .forEach(entry -> group(array, entry.getKey()).put("value", entry.getValue()[0]).put("count", entry.getValue()[0]));
        return data;
    }

    private static ObjectNode aggregate(MirrorReader mirror, QueryParameters parameters, Instant now, Aggregate aggregate) {
        Instant from = windowStart(parameters, now);
        JsonPath path = JsonPath.parse(parameters.string(WebhookQueryTypes.PATH).orElseThrow());
        Optional<JsonPath> groupBy = parameters.string(WebhookQueryTypes.GROUP_BY).map(JsonPath::parse);
        Aggregate.Running total = aggregate.start();
        Map<String, Aggregate.Running> groups = new HashMap<>();
        mirror.forEach(DeliveryRecord.STREAM, window(from, now), record -> {
            JsonNode body = DeliveryRecord.body(record);
            JsonNode value = path.in(body);
            if (!value.isNumber()) {
                return;
            }
            BigDecimal number = value.decimalValue();
            total.add(number);
            groupBy.ifPresent(by -> groups.computeIfAbsent(key(by.in(body)), ignored -> aggregate.start()).add(number));
        });
        ObjectNode data = JSON.objectNode();
        data.put("value", total.result());
        data.put("count", total.count());
        data.put("window_from", from.getEpochSecond());
        ArrayNode array = data.putArray("groups");
        groups.entrySet().stream().sorted(largestFirst(entry -> entry.getValue().count())).limit(WebhookQueryTypes.MAX_GROUPS)
                .forEach(entry -> group(array, entry.getKey()).put("value", entry.getValue().result()).put("count", entry.getValue().count()));
        return data;
    }

    private static Instant windowStart(QueryParameters parameters, Instant now) {
        return now.minus(Duration.ofHours(parameters.integer(WebhookQueryTypes.WINDOW_HOURS).orElse(24L)));
    }

    /** From the window's start on: a delivery cannot arrive after now, and another node's clock may run a little ahead. */
    private static CreatedWindow window(Instant from, Instant now) {
        return new CreatedWindow(from, now.plus(Duration.ofDays(1)));
    }

    /** A group's key: text as is, other scalars as JSON, objects and arrays as JSON too; nothing there is its own group. */
    private static String key(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return NO_KEY;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static ObjectNode group(ArrayNode groups, String key) {
        ObjectNode group = groups.addObject();
        if (NO_KEY.equals(key)) {
            group.putNull("key");
        } else {
            group.put("key", key);
        }
        return group;
    }

    private static <T> Comparator<Map.Entry<String, T>> largestFirst(java.util.function.ToLongFunction<Map.Entry<String, T>> size) {
        return Comparator.comparingLong(size).reversed().thenComparing(Map.Entry::getKey);
    }
}
