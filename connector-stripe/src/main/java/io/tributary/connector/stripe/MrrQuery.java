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
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code stripe.mrr}: reads every active and past-due subscription, 100 to a page with their
 * discounts expanded (so there is no request per subscription), and adds them up with
 * {@link MrrCalculator}.
 *
 * <p>From the mirror it adds up the mirrored subscriptions (held with the same expansions, see
 * {@link StreamReader}) with the same calculator, finding coupons in the mirrored coupons stream.
 * It still asks Stripe for the account's default currency when no {@code currency} is given (once
 * an hour per key, as live) and for the items of a subscription with more than Stripe embeds.
 */
final class MrrQuery implements StripeQuery {

    /** The statuses that count, as the live query lists them. */
    private static final Set<String> COUNTED = Set.of("active", "past_due");

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
                    .addAllExpand(SubscriptionDiscounts.LIST_EXPANSIONS)
                    .build();
            session.call(StripePermission.SUBSCRIPTION, client -> {
                for (Subscription subscription : client.v1().subscriptions().list(params).autoPagingIterable()) {
                    calculator.add(SubscriptionItems.complete(session, subscription));
                }
                return null;
            });
        }
        return result(request, () -> session, calculator);
    }

    @Override
    public Set<String> mirrorStreams() {
        return Set.of(StripeStream.SUBSCRIPTIONS.streamName(), StripeStream.COUPONS.streamName());
    }

    @Override
    public Optional<QueryResult> runOnMirror(MirrorRun run) {
        MrrCalculator calculator = new MrrCalculator(new MirroredCoupons(run.mirror(), run.sessions()), run.clock().instant());
        List<Subscription> incomplete = new ArrayList<>();
        boolean[] unexpanded = {false};
        run.mirror().forEach(StripeStream.SUBSCRIPTIONS.streamName(), null, json -> {
            if (unexpanded[0] || !COUNTED.contains(json.path("status").asText())) {
                return;
            }
            // Discounts held as ids (a subscription mirrored before discounts were expanded) would
            // silently count as none: only Stripe can say what they are.
            if (SubscriptionDiscounts.unexpanded(json)) {
                unexpanded[0] = true;
                return;
            }
            Subscription subscription = MirroredModels.parse(run.sessions().get(), json, Subscription.class);
            if (SubscriptionItems.incomplete(subscription)) {
                incomplete.add(subscription); // read after the walk: no request while the mirror's cursor is open
            } else {
                calculator.add(subscription);
            }
        });
        if (unexpanded[0]) {
            return Optional.empty();
        }
        for (Subscription subscription : incomplete) {
            calculator.add(SubscriptionItems.complete(run.sessions().get(), subscription));
        }
        return Optional.of(result(run.request(), run.sessions(), calculator));
    }

    /** The result, live or from the mirror: the totals are sums, so the order subscriptions came in does not matter. */
    private static QueryResult result(QueryRequest request, Supplier<StripeSession> sessions, MrrCalculator calculator) {
        List<MrrCalculator.CurrencyTotal> totals = calculator.totals();
        return new QueryResult(shape(totals, Currencies.headline(request, sessions, totals.stream()
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
