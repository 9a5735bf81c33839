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
import java.util.Optional;
import java.util.Set;

/**
 * {@code stripe.list}: one page of any listable object, as Stripe returns it, with the filters
 * Stripe supports on that object; objects listed under a parent (invoice lines, subscription
 * items, ...) take the parent's id. A filter Stripe does not support on the object is refused
 * before any request, naming the field.
 */
final class ListQuery implements StripeQuery {

    /** Parameters that are filters, as opposed to {@code object}, paging and creation bounds. */
    private static final Set<String> FILTERS = Set.of("customer", "email", "status", "active", "type", "currency");
    private static final List<String> CREATED_BOUNDS = List.of("gt", "gte", "lt", "lte");

    @Override
    public String id() {
        return StripeQueryTypes.LIST;
    }

    @Override
    public Set<StripePermission> permissions() {
        return Set.of();
    }

    @Override
    public void check(QueryRequest request) {
        QueryParameters parameters = request.parameters();
        Optional<StripeStream> child = child(parameters);
        if (child.isPresent()) {
            checkChild(parameters, child.get());
            return;
        }
        StripeObject object = object(parameters);
        if (parameters.string("parent").isPresent()) {
            throw ConnectorException.invalidParameter("parent", object.apiName() + " are not listed under a parent");
        }
        for (String filter : FILTERS) {
            if (parameters.asMap().containsKey(filter) && !object.filters().contains(filter)) {
                throw ConnectorException.invalidParameter(filter, "Stripe does not filter " + object.apiName() + " by " + filter
                        + (object.filters().isEmpty() ? "" : "; it filters them by " + String.join(", ", object.filters().stream().sorted().toList())));
            }
        }
        parameters.string("starting_after").ifPresent(cursor -> requirePrefix(object, cursor, "starting_after"));
        parameters.string("customer").ifPresent(customer -> requirePrefix(StripeObject.CUSTOMERS, customer, "customer"));
    }

    private static void checkChild(QueryParameters parameters, StripeStream child) {
        StripeObject parent = child.parent().orElseThrow();
        String parentId = parameters.string("parent").orElseThrow(() -> ConnectorException.invalidParameter("parent",
                child.streamName() + " are listed under one of the " + parent.apiName() + ": give its id as parent"));
        requirePrefix(parent, parentId, "parent");
        for (String name : parameters.asMap().keySet()) {
            if (FILTERS.contains(name) || name.startsWith("created_")) {
                throw ConnectorException.invalidParameter(name, "Stripe does not filter " + child.streamName() + " by " + name);
            }
        }
    }

    @Override
    public QueryResult run(StripeSession session, QueryRequest request) {
        QueryParameters parameters = request.parameters();
        Map<String, List<String>> query = new LinkedHashMap<>();
        String path;
        StripePermission permission;
        Optional<StripeStream> child = child(parameters);
        if (child.isPresent()) {
            StripeStream.ChildRequest children = child.get().childRequest(parameters.string("parent").orElseThrow());
            path = children.path();
            query.putAll(children.query());
            permission = child.get().permission();
        } else {
            StripeObject object = object(parameters);
            path = object.path();
            permission = object.permission();
            addFilters(parameters, query);
        }
        query.put("limit", List.of(String.valueOf(parameters.integer("limit").orElseThrow())));
        parameters.string("starting_after").ifPresent(cursor -> query.put("starting_after", List.of(cursor)));
        JsonNode page = session.getJson(permission, path, query);
        ArrayNode data = page.path("data").isArray() ? (ArrayNode) page.path("data") : JsonNodeFactory.instance.arrayNode();
        boolean hasMore = page.path("has_more").asBoolean(false);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("data", data);
        result.put("has_more", hasMore);
        result.put("next_cursor", hasMore && !data.isEmpty() ? data.get(data.size() - 1).path("id").asText(null) : null);
        return QueryResult.of(result);
    }

    private static void addFilters(QueryParameters parameters, Map<String, List<String>> query) {
        for (String filter : FILTERS) {
            Object value = parameters.asMap().get(filter);
            if (value != null) {
                query.put(filter, List.of(String.valueOf(value)));
            }
        }
        for (String bound : CREATED_BOUNDS) {
            parameters.timestamp("created_" + bound).map(Instant::getEpochSecond)
                    .ifPresent(seconds -> query.put("created[" + bound + "]", List.of(String.valueOf(seconds))));
        }
    }

    private static Optional<StripeStream> child(QueryParameters parameters) {
        return StripeStream.ofName(parameters.string("object").orElseThrow()).filter(stream -> stream.object().isEmpty());
    }

    static StripeObject object(QueryParameters parameters) {
        String name = parameters.string("object").orElseThrow();
        return StripeObject.ofApiName(name).orElseThrow(() -> ConnectorException.invalidParameter("object",
                name + " cannot be read on its own"));
    }

    static void requirePrefix(StripeObject object, String id, String field) {
        if (!object.acceptsId(id)) {
            throw ConnectorException.invalidParameter(field, field + " must be the id of one of the " + object.apiName()
                    + ", starting with " + String.join(" or ", object.idPrefixes()));
        }
    }
}
