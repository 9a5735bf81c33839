package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns stored objects into what the API sends: a copy with the embedded parts filled in
 * (a subscription's items, an item's price and plan, an invoice's first lines, the account's
 * external accounts). Stored objects keep ids so one change shows everywhere it is embedded.
 */
final class ObjectRenderer {

    /** Stripe embeds an invoice's first ten lines; the rest are paged at {@code /v1/invoices/{id}/lines}. */
    private static final int EMBEDDED_INVOICE_LINES = 10;

    private final FakeStripeAccount account;

    ObjectRenderer(FakeStripeAccount account) {
        this.account = account;
    }

    ObjectNode render(StripeObjectType type, ObjectNode stored) {
        ObjectNode copy = stored.deepCopy();
        String id = copy.path("id").asText();
        switch (type) {
            case SUBSCRIPTION -> copy.set("items", subscriptionItems(id));
            case SUBSCRIPTION_ITEM -> embedPriceAndPlan(copy);
            case INVOICE -> copy.set("lines", invoiceLines(id));
            case CHECKOUT_LINE_ITEM -> copy.set("price", priceView(copy.path("price").asText()));
            default -> {
            }
        }
        return copy;
    }

    /** The account object with its external accounts. */
    ObjectNode renderAccount(ObjectNode stored) {
        ObjectNode copy = stored.deepCopy();
        String id = copy.get("id").asText();
        copy.set("external_accounts", Json.list(children(StripeObjectType.BANK_ACCOUNT, id), false,
                "/v1/accounts/" + id + "/external_accounts"));
        return copy;
    }

    private ObjectNode subscriptionItems(String subscription) {
        return Json.list(children(StripeObjectType.SUBSCRIPTION_ITEM, subscription), false,
                "/v1/subscription_items?subscription=" + subscription);
    }

    private ObjectNode invoiceLines(String invoice) {
        List<ObjectNode> lines = children(StripeObjectType.INVOICE_LINE_ITEM, invoice);
        boolean hasMore = lines.size() > EMBEDDED_INVOICE_LINES;
        return Json.list(hasMore ? lines.subList(0, EMBEDDED_INVOICE_LINES) : lines, hasMore,
                "/v1/invoices/" + invoice + "/lines");
    }

    private List<ObjectNode> children(StripeObjectType childType, String parent) {
        ObjectStore store = account.store(childType);
        List<ObjectNode> rendered = new ArrayList<>();
        for (String childId : store.children(parent).ids()) {
            ObjectNode child = store.get(childId);
            if (child != null) {
                rendered.add(render(childType, child));
            }
        }
        return rendered;
    }

    /** Items name one price or legacy plan; Stripe sends it both as {@code price} and as {@code plan}. */
    private void embedPriceAndPlan(ObjectNode item) {
        String id = item.path("price").asText();
        ObjectNode plan = account.store(StripeObjectType.PLAN).get(id);
        if (plan != null) {
            item.set("plan", plan.deepCopy());
            item.set("price", BillingShapes.priceFromPlan(plan));
            return;
        }
        ObjectNode price = account.store(StripeObjectType.PRICE).get(id);
        if (price == null) {
            throw new IllegalStateException("Subscription item " + item.path("id").asText() + " names unknown price " + id);
        }
        item.set("price", price.deepCopy());
        JsonNode recurring = price.get("recurring");
        item.set("plan", recurring == null || recurring.isNull() ? null : BillingShapes.planFromPrice(price));
    }

    private ObjectNode priceView(String id) {
        ObjectNode price = account.store(StripeObjectType.PRICE).get(id);
        if (price != null) {
            return price.deepCopy();
        }
        ObjectNode plan = account.store(StripeObjectType.PLAN).get(id);
        if (plan == null) {
            throw new IllegalStateException("Unknown price " + id);
        }
        return BillingShapes.priceFromPlan(plan);
    }
}
