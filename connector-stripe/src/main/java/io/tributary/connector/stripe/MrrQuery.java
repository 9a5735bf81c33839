package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.model.Subscription;
import com.stripe.param.SubscriptionListParams;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code stripe.mrr}: reads every active and past-due subscription, 100 to a page with their
 * discounts expanded (so there is no request per subscription), and adds them up with
 * {@link MrrCalculator}.
 */
final class MrrQuery implements StripeQuery {

    @Override
    public String id() {
        return StripeQueryTypes.MRR;
    }

    @Override
    public java.util.Set<StripePermission> permissions() {
        return java.util.Set.of(StripePermission.SUBSCRIPTION);
    }

    @Override
    public QueryResult run(StripeSession session, QueryRequest request) {
        MrrCalculator calculator = new MrrCalculator(new CouponLookup(session), session.clock().instant());
        for (SubscriptionListParams.Status status : List.of(SubscriptionListParams.Status.ACTIVE, SubscriptionListParams.Status.PAST_DUE)) {
            SubscriptionListParams params = SubscriptionListParams.builder()
                    .setStatus(status)
                    .setLimit(100L)
                    .addExpand("data.discounts")
                    .addExpand("data.items.data.discounts")
                    .build();
            session.call(StripePermission.SUBSCRIPTION, client -> {
                for (Subscription subscription : client.v1().subscriptions().list(params).autoPagingIterable()) {
                    calculator.add(SubscriptionItems.complete(session, subscription));
                }
                return null;
            });
        }
        List<MrrCalculator.CurrencyTotal> totals = calculator.totals();
        return new QueryResult(shape(totals, Currencies.headline(request, session, totals.stream()
                .map(MrrCalculator.CurrencyTotal::currency).toList()), calculator), notices(calculator));
    }

    private static ObjectNode shape(List<MrrCalculator.CurrencyTotal> totals, String currency, MrrCalculator calculator) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        MrrCalculator.CurrencyTotal main = totals.stream().filter(total -> total.currency().equals(currency)).findFirst()
                .orElse(new MrrCalculator.CurrencyTotal(currency, 0, 0));
        data.put("amount_cents", main.amountCents());
        data.put("currency", main.currency());
        data.put("subscriptions", main.subscriptions());
        ArrayNode byCurrency = data.putArray("by_currency");
        for (MrrCalculator.CurrencyTotal total : totals) {
            byCurrency.addObject().put("currency", total.currency()).put("amount_cents", total.amountCents())
                    .put("subscriptions", total.subscriptions());
        }
        data.put("metered_items_excluded", calculator.meteredItemsExcluded());
        data.put("tiered_items_excluded", calculator.tieredItemsExcluded());
        return data;
    }

    static List<String> notices(MrrCalculator calculator) {
        List<String> notices = new ArrayList<>();
        if (calculator.meteredItemsExcluded() > 0) {
            notices.add(calculator.meteredItemsExcluded() + " subscription item(s) on usage-based (metered) prices were left out: their amount depends on usage not yet billed.");
        }
        if (calculator.tieredItemsExcluded() > 0) {
            notices.add(calculator.tieredItemsExcluded() + " subscription item(s) on tiered prices were left out.");
        }
        return notices;
    }
}
