package io.tributary.connector.webhook;

import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.ResultField;
import java.util.List;
import java.util.Map;

/** The query types over the kept deliveries; every one is answered from them, never from a sender. */
final class WebhookQueryTypes {

    static final String LATEST = "webhook.latest";
    static final String COUNT = "webhook.count";
    static final String LIST = "webhook.list";
    /** The numeric aggregates, by query type id. */
    static final Map<String, Aggregate> AGGREGATES = Map.of("webhook.sum", Aggregate.SUM, "webhook.avg", Aggregate.AVG,
            "webhook.min", Aggregate.MIN, "webhook.max", Aggregate.MAX);

    static final String PATH = "path";
    static final String WINDOW_HOURS = "window_hours";
    static final String GROUP_BY = "group_by";
    static final String LIMIT = "limit";
    static final String PATHS = "paths";

    /** A year and a day: the longest window, longer than any default retention. */
    static final int MAX_WINDOW_HOURS = 366 * 24;
    static final int MAX_LIST = 100;
    /** The most groups a grouped result returns (the largest first); the rest are summed into none. */
    static final int MAX_GROUPS = 100;

    private WebhookQueryTypes() {
    }

    static List<QueryType> all() {
        List<QueryType> types = new java.util.ArrayList<>(List.of(latest(), count(), list()));
        AGGREGATES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> types.add(aggregate(entry.getKey(), entry.getValue())));
        return types;
    }

    private static QueryType latest() {
        return QueryType.builder(LATEST, "The newest delivery's body, or the value at a dotted path in it, with when it arrived.")
                .parameter(path("The dotted path of the value, such as data.status; left out, the whole body.", false))
                .resultField(ResultField.nullable("value", FieldType.ANY, "The value at the path (or the body); null when there is none."),
                        ResultField.nullable("received_at", FieldType.TIMESTAMP, "When the delivery arrived, in Unix seconds."),
                        ResultField.nullable("delivery_id", FieldType.STRING, "The delivery's id."))
                .build();
    }

    private static QueryType count() {
        return QueryType.builder(COUNT, "How many deliveries arrived within a time window, optionally per value of a path.")
                .parameter(window(), groupBy())
                .resultField(ResultField.of("value", FieldType.INTEGER, "How many deliveries arrived in the window."),
                        windowFrom(), groups(FieldType.INTEGER, "How many in this group."))
                .build();
    }

    private static QueryType aggregate(String id, Aggregate aggregate) {
        return QueryType.builder(id, "The " + aggregate.description() + " of a numeric value at a path over the deliveries within a time"
                        + " window, optionally per value of another path; deliveries without a number there are left out.")
                .parameter(path("The dotted path of the number, such as data.amount.", true), window(), groupBy())
                .resultField(ResultField.nullable("value", FieldType.NUMBER, "The " + aggregate.description()
                                + "; null when no delivery in the window had a number there."),
                        ResultField.of("count", FieldType.INTEGER, "How many numbers it was computed from."),
                        windowFrom(), groups(FieldType.NUMBER, "The " + aggregate.description() + " in this group."))
                .build();
    }

    private static QueryType list() {
        return QueryType.builder(LIST, "The newest deliveries, each with its body or the values at chosen paths.")
                .parameter(ParameterSpec.integer(LIMIT, "How many deliveries, newest first.").between(1, MAX_LIST).withDefault(10),
                        ParameterSpec.string(PATHS, "Comma-separated dotted paths to return from each body instead of the whole body.")
                                .matching(JsonPath.PATTERN + "(," + JsonPath.PATTERN + "){0,19}"))
                .resultField(ResultField.arrayOf("deliveries", "The newest deliveries, newest first.",
                                ResultField.of("id", FieldType.STRING, "The delivery's id."),
                                ResultField.of("received_at", FieldType.TIMESTAMP, "When it arrived, in Unix seconds."),
                                ResultField.nullable("values", FieldType.OBJECT, "The value at each path asked for, by path; null without paths."),
                                ResultField.nullable("body", FieldType.ANY, "The whole body; null when paths were asked for.")),
                        ResultField.of("count", FieldType.INTEGER, "How many deliveries are listed."))
                .build();
    }

    private static ParameterSpec path(String description, boolean required) {
        ParameterSpec path = ParameterSpec.string(PATH, description).matching(JsonPath.PATTERN);
        return required ? path.asRequired() : path;
    }

    private static ParameterSpec window() {
        return ParameterSpec.integer(WINDOW_HOURS, "The window: deliveries that arrived in the last this many hours.")
                .between(1, MAX_WINDOW_HOURS).withDefault(24);
    }

    private static ParameterSpec groupBy() {
        return ParameterSpec.string(GROUP_BY, "A dotted path to group by, such as data.plan; left out, one total.")
                .matching(JsonPath.PATTERN);
    }

    private static ResultField windowFrom() {
        return ResultField.of("window_from", FieldType.TIMESTAMP, "The window's start, in Unix seconds; it runs to now.");
    }

    private static ResultField groups(FieldType valueType, String valueDescription) {
        return ResultField.arrayOf("groups", "Per value of group_by, the largest " + MAX_GROUPS + " first (by count); empty without group_by.",
                ResultField.nullable("key", FieldType.STRING, "The value at group_by as text; null for deliveries without one."),
                ResultField.nullable("value", valueType, valueDescription),
                ResultField.of("count", FieldType.INTEGER, "How many deliveries (or numbers) are in the group."));
    }
}
