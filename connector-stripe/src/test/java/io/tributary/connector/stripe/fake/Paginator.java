package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Stripe's cursor pagination over ids in list order: {@code limit} (1..100, default 10),
 * {@code starting_after} (the page after an id) or {@code ending_before} (the page before it,
 * still newest first), and {@code has_more}.
 */
final class Paginator {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    private Paginator() {
    }

    /**
     * One page as Stripe's list envelope.
     *
     * @param ordered  ids in list order
     * @param stored   an id's stored node (null when gone)
     * @param filter   which stored nodes the request wants
     * @param render   turns a stored node into what the API sends
     * @param cursorType the type named in "No such ..." errors for unknown cursors
     * @param url      the list's path, which stripe-java's auto-paging requests again
     */
    static ObjectNode page(ObjectStore.Ordered ordered, Function<String, ObjectNode> stored, Predicate<ObjectNode> filter,
            Function<ObjectNode, ObjectNode> render, QueryParams params, StripeObjectType cursorType, String url) {
        int limit = limit(params);
        String after = params.scalar("starting_after");
        String before = params.scalar("ending_before");
        if (after != null && before != null) {
            throw StripeErrors.invalidRequest("starting_after",
                    "You may only specify one of these parameters: ending_before, starting_after.");
        }
        List<ObjectNode> matches = new ArrayList<>(limit + 1);
        if (before != null) {
            for (int i = position(ordered, before, "ending_before", cursorType) - 1; i >= 0 && matches.size() <= limit; i--) {
                collect(ordered.ids().get(i), stored, filter, matches);
            }
        } else {
            int from = after == null ? 0 : position(ordered, after, "starting_after", cursorType) + 1;
            for (int i = from; i < ordered.ids().size() && matches.size() <= limit; i++) {
                collect(ordered.ids().get(i), stored, filter, matches);
            }
        }
        boolean hasMore = matches.size() > limit;
        List<ObjectNode> page = new ArrayList<>(matches.subList(0, Math.min(limit, matches.size())));
        if (before != null) {
            Collections.reverse(page);
        }
        List<ObjectNode> rendered = new ArrayList<>(page.size());
        page.forEach(node -> rendered.add(render.apply(node)));
        return Json.list(rendered, hasMore, url);
    }

    private static void collect(String id, Function<String, ObjectNode> stored, Predicate<ObjectNode> filter,
            List<ObjectNode> matches) {
        ObjectNode node = stored.apply(id);
        if (node != null && filter.test(node)) {
            matches.add(node);
        }
    }

    private static int limit(QueryParams params) {
        String text = params.scalar("limit");
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        long limit = ListFilters.integer("limit", text);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw StripeErrors.invalidRequest("limit", "Invalid limit: must be between 1 and 100");
        }
        return (int) limit;
    }

    private static int position(ObjectStore.Ordered ordered, String id, String param, StripeObjectType type) {
        Integer position = ordered.positions().get(id);
        if (position == null) {
            throw StripeErrors.noSuchObjectInParameter(type.objectName(), id, param);
        }
        return position;
    }
}
