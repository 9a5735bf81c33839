package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.QueryParameters;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code stripe.list}: one page of any listable object, as Stripe returns it, with the filters
 * Stripe supports on that object. A filter Stripe does not support on the object is refused
 * before any request, naming the field.
 */
final class ListQuery implements StripeQuery {

    /** Parameters that are filters, as opposed to {@code object}, paging and creation bounds. */
    private static final Set<String> FILTERS = Set.of("customer", "email", "status", "active", "type", "currency");

    @Override
    public String id() {
        return StripeQueryTypes.LIST;
    }

    @Override
    public java.util.Set<StripePermission> permissions() {
        return java.util.Set.of();
    }

    @Override
    public void check(QueryRequest request) {
        QueryParameters parameters = request.parameters();
        StripeObject object = object(parameters);
        for (String filter : FILTERS) {
            if (parameters.asMap().containsKey(filter) && !object.filters().contains(filter)) {
                throw ConnectorException.invalidParameter(filter, "Stripe does not filter " + object.apiName() + " by " + filter
                        + (object.filters().isEmpty() ? "" : "; it filters them by " + String.join(", ", object.filters().stream().sorted().toList())));
            }
        }
        parameters.string("starting_after").ifPresent(cursor -> requirePrefix(object, cursor, "starting_after"));
        parameters.string("customer").ifPresent(customer -> requirePrefix(StripeObject.CUSTOMERS, customer, "customer"));
    }

    @Override
    public QueryResult run(StripeSession session, QueryRequest request) {
        QueryParameters parameters = request.parameters();
        StripeObject object = object(parameters);
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("limit", List.of(String.valueOf(parameters.integer("limit").orElseThrow())));
        parameters.string("starting_after").ifPresent(cursor -> query.put("starting_after", List.of(cursor)));
        for (String filter : FILTERS) {
            Object value = parameters.asMap().get(filter);
            if (value != null) {
                query.put(filter, List.of(String.valueOf(value)));
            }
        }
        for (String bound : List.of("gt", "gte", "lt", "lte")) {
            parameters.timestamp("created_" + bound).map(Instant::getEpochSecond)
                    .ifPresent(seconds -> query.put("created[" + bound + "]", List.of(String.valueOf(seconds))));
        }
        JsonNode page = session.getJson(object.permission(), object.path(), query);
        ArrayNode data = page.path("data").isArray() ? (ArrayNode) page.path("data") : JsonNodeFactory.instance.arrayNode();
        boolean hasMore = page.path("has_more").asBoolean(false);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("data", data);
        result.put("has_more", hasMore);
        result.put("next_cursor", hasMore && !data.isEmpty() ? data.get(data.size() - 1).path("id").asText(null) : null);
        return QueryResult.of(result);
    }

    static StripeObject object(QueryParameters parameters) {
        // The schema allows only known names, so this cannot miss.
        return StripeObject.ofApiName(parameters.string("object").orElseThrow()).orElseThrow();
    }

    static void requirePrefix(StripeObject object, String id, String field) {
        if (!object.acceptsId(id)) {
            throw ConnectorException.invalidParameter(field, field + " must be the id of one of the " + object.apiName()
                    + ", starting with " + String.join(" or ", object.idPrefixes()));
        }
    }
}
