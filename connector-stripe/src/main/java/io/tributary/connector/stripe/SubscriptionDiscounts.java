package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Where a subscription's discounts are, and whether they are expanded. Stripe has no endpoint to
 * fetch a discount, so MRR needs them expanded where the subscription is read: the live query
 * expands them on the list, and the mirror holds subscriptions read with the same expansions. An
 * event's payload never carries expansions, so a subscription from an event with discounts holds
 * their ids only and has to be read again.
 */
final class SubscriptionDiscounts {

    /** The expansions on a list of subscriptions. */
    static final List<String> LIST_EXPANSIONS = List.of("data.discounts", "data.items.data.discounts");
    /** The same expansions on one subscription. */
    static final List<String> OBJECT_EXPANSIONS = List.of("discounts", "items.data.discounts");

    private SubscriptionDiscounts() {
    }

    /** Whether the subscription's or any embedded item's discounts hold ids rather than objects. */
    static boolean unexpanded(JsonNode subscription) {
        if (holdsIds(subscription.path("discounts"))) {
            return true;
        }
        for (JsonNode item : subscription.path("items").path("data")) {
            if (holdsIds(item.path("discounts"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsIds(JsonNode discounts) {
        for (JsonNode discount : discounts) {
            if (discount.isTextual()) {
                return true;
            }
        }
        return false;
    }
}
