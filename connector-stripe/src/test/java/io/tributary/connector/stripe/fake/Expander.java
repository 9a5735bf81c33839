package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code expand[]}: replaces ids with the objects they name, along dotted paths, at most four
 * levels deep ({@code data.discounts.source.coupon}). Paths through a list go through its
 * {@code data}; on a list response every path must start with {@code data.}. Fields Stripe
 * only includes on request ({@code line_items} of a Checkout Session, {@code refunds} of a
 * charge) appear when expanded.
 */
final class Expander {

    private static final int MAX_DEPTH = 4;
    private static final int INCLUDED_PAGE = 10;
    /** Looks like a Stripe id: ids of objects the fake does not hold (connected accounts) stay as they are. */
    private static final Pattern ID = Pattern.compile("[a-z]+(_[a-z]+)*_[A-Za-z0-9]+");

    private final FakeStripeAccount account;

    Expander(FakeStripeAccount account) {
        this.account = account;
    }

    void expandList(ObjectNode list, List<String> paths) {
        for (String path : paths) {
            checkDepth(path);
            if (!path.startsWith("data.")) {
                throw StripeErrors.invalidRequest("expand", "This property cannot be expanded (" + path
                        + "). You may want to try expanding 'data." + path + "' instead.");
            }
            walk(list, path.split("\\."), 0, path);
        }
    }

    void expandObject(ObjectNode object, List<String> paths) {
        for (String path : paths) {
            checkDepth(path);
            walk(object, path.split("\\."), 0, path);
        }
    }

    private static void checkDepth(String path) {
        if (path.split("\\.").length > MAX_DEPTH) {
            throw StripeErrors.invalidRequest("expand",
                    "You cannot expand more than " + MAX_DEPTH + " levels of a property. Property: " + path);
        }
    }

    private void walk(JsonNode node, String[] segments, int index, String path) {
        if (node instanceof ArrayNode array) {
            array.forEach(element -> walk(element, segments, index, path));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String field = segments[index];
        JsonNode value = object.get(field);
        if (value == null) {
            value = included(object, field);
            if (value == null) {
                throw cannotExpand(path);
            }
        }
        boolean last = index == segments.length - 1;
        boolean throughList = "list".equals(object.path("object").asText()) && "data".equals(field);
        if (!throughList) {
            value = expanded(value, path);
        }
        object.set(field, value);
        if (!last) {
            walk(value, segments, index + 1, path);
        }
    }

    /** An id becomes its object; an array of ids, objects; objects and nulls stay. */
    private JsonNode expanded(JsonNode value, String path) {
        if (value.isTextual()) {
            String id = value.asText();
            return account.render(id).map(JsonNode.class::cast).orElseGet(() -> {
                if (!ID.matcher(id).matches()) {
                    throw cannotExpand(path);
                }
                return value;
            });
        }
        if (value.isArray()) {
            ArrayNode array = Json.array();
            value.forEach(element -> array.add(expanded(element, path)));
            return array;
        }
        return value;
    }

    private JsonNode included(ObjectNode object, String field) {
        String objectType = object.path("object").asText();
        String id = object.path("id").asText();
        if ("checkout.session".equals(objectType) && "line_items".equals(field)) {
            return includedList(account.store(StripeObjectType.CHECKOUT_LINE_ITEM).children(id).ids(),
                    StripeObjectType.CHECKOUT_LINE_ITEM, "/v1/checkout/sessions/" + id + "/line_items");
        }
        if ("charge".equals(objectType) && "refunds".equals(field)) {
            List<String> refunds = new ArrayList<>();
            for (ObjectNode refund : account.objects(StripeObjectType.REFUND)) {
                if (id.equals(refund.path("charge").asText())) {
                    refunds.add(refund.get("id").asText());
                }
            }
            return includedList(refunds, StripeObjectType.REFUND, "/v1/charges/" + id + "/refunds");
        }
        return null;
    }

    private JsonNode includedList(List<String> ids, StripeObjectType type, String url) {
        List<ObjectNode> items = new ArrayList<>();
        for (String id : ids.subList(0, Math.min(INCLUDED_PAGE, ids.size()))) {
            ObjectNode stored = account.store(type).get(id);
            if (stored != null) {
                items.add(account.render(type, stored));
            }
        }
        return Json.list(items, ids.size() > INCLUDED_PAGE, url);
    }

    private static ApiError cannotExpand(String path) {
        return StripeErrors.invalidRequest("expand", "This property cannot be expanded (" + path + ").");
    }
}
