package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a page of a stream. A top-level stream's cursor is the last object id read (Stripe's
 * {@code starting_after}); a child stream's is {@code <parent id>/<last child id>}, and it moves to
 * the next parent when a parent's children run out. Subscriptions are read with their discounts
 * (and their items' discounts) expanded, as {@link MrrQuery} reads them.
 */
final class StreamReader {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-]{1,255}");
    private static final int MAX_PAGE = 100;

    private StreamReader() {
    }

    static StreamPage read(StripeSession session, StripeStream stream, StreamReadRequest request) {
        if (request.window() != null && !stream.descriptor().createdFilter()) {
            throw ConnectorException.invalidParameter("window", "Stripe cannot filter " + stream.streamName() + " by creation time");
        }
        return stream.object().isPresent()
                ? readTopLevel(session, stream.object().get(), request)
                : readChildren(session, stream, request);
    }

    private static StreamPage readTopLevel(StripeSession session, StripeObject object, StreamReadRequest request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("limit", List.of(String.valueOf(Math.min(MAX_PAGE, request.pageSize()))));
        if (request.cursor() != null) {
            query.put("starting_after", List.of(checkedId(request.cursor())));
        }
        if (request.window() != null) {
            query.put("created[gte]", List.of(String.valueOf(request.window().from().getEpochSecond())));
            query.put("created[lt]", List.of(String.valueOf(request.window().until().getEpochSecond())));
        }
        if (object == StripeObject.SUBSCRIPTIONS) {
            query.put("status", List.of("all")); // Stripe leaves canceled subscriptions out by default.
            // Discounts expanded as the live MRR query reads them, so MRR can be answered from the mirror.
            query.put("expand[]", SubscriptionDiscounts.LIST_EXPANSIONS);
        }
        JsonNode page = session.getJson(object.permission(), object.path(), query);
        List<ObjectNode> records = records(page);
        boolean hasMore = page.path("has_more").asBoolean(false) && !records.isEmpty();
        return new StreamPage(records, hasMore ? lastId(records) : null);
    }

    private static StreamPage readChildren(StripeSession session, StripeStream stream, StreamReadRequest request) {
        StripeObject parentObject = stream.parent().orElseThrow();
        String parent;
        String childCursor = null;
        if (request.cursor() == null) {
            parent = nextParent(session, parentObject, null);
        } else {
            int slash = request.cursor().indexOf('/');
            if (slash <= 0) {
                throw ConnectorException.invalidParameter("cursor", "Not a cursor of the " + stream.streamName() + " stream");
            }
            parent = checkedId(request.cursor().substring(0, slash));
            String rest = request.cursor().substring(slash + 1);
            childCursor = rest.isEmpty() ? null : checkedId(rest);
        }
        if (parent == null) {
            return new StreamPage(List.of(), null);
        }
        StripeStream.ChildRequest children = stream.childRequest(parent);
        Map<String, List<String>> query = new LinkedHashMap<>(children.query());
        query.put("limit", List.of(String.valueOf(Math.min(MAX_PAGE, request.pageSize()))));
        if (childCursor != null) {
            query.put("starting_after", List.of(childCursor));
        }
        JsonNode page = session.getJson(stream.permission(), children.path(), query);
        List<ObjectNode> records = records(page);
        if (page.path("has_more").asBoolean(false) && !records.isEmpty()) {
            return new StreamPage(records, parent + "/" + lastId(records));
        }
        String next = nextParent(session, parentObject, parent);
        return new StreamPage(records, next == null ? null : next + "/");
    }

    private static String nextParent(StripeSession session, StripeObject parentObject, String after) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("limit", List.of("1"));
        if (after != null) {
            query.put("starting_after", List.of(after));
        }
        if (parentObject == StripeObject.SUBSCRIPTIONS) {
            query.put("status", List.of("all"));
        }
        JsonNode page = session.getJson(parentObject.permission(), parentObject.path(), query);
        JsonNode first = page.path("data").path(0);
        return first.isObject() ? first.path("id").asText(null) : null;
    }

    private static List<ObjectNode> records(JsonNode page) {
        JsonNode data = page.path("data");
        if (!data.isArray()) {
            throw new ConnectorException(StandardErrorCode.PROVIDER_ERROR, "Stripe answered a list without data");
        }
        List<ObjectNode> records = new ArrayList<>();
        data.forEach(node -> {
            if (node.isObject()) {
                records.add((ObjectNode) node);
            }
        });
        return records;
    }

    private static String lastId(List<ObjectNode> records) {
        return records.get(records.size() - 1).path("id").asText();
    }

    private static String checkedId(String id) {
        if (!looksLikeId(id)) {
            throw ConnectorException.invalidParameter("cursor", "Not a Stripe cursor: " + id.length() + " characters of an unexpected form");
        }
        return id;
    }

    /** Whether text has the form of a Stripe id, so it can go into a path or query unescaped. */
    static boolean looksLikeId(String text) {
        return text != null && ID.matcher(text).matches();
    }
}
