package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.stripe.model.Subscription;
import com.stripe.param.SubscriptionListParams;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code stripe.subscribers}: counts subscriptions by status and distinct paying customers, in one
 * pass over the subscriptions Stripe lists by default (every status but canceled and ended).
 */
final class SubscribersQuery implements StripeQuery {

    @Override
    public String id() {
        return StripeQueryTypes.SUBSCRIBERS;
    }

    @Override
    public java.util.Set<StripePermission> permissions() {
        return java.util.Set.of(StripePermission.SUBSCRIPTION);
    }

    @Override
    public QueryResult run(StripeSession session, QueryRequest request) {
        long[] active = new long[1];
        long[] pastDue = new long[1];
        long[] trialing = new long[1];
        Set<String> payingCustomers = new HashSet<>();
        SubscriptionListParams params = SubscriptionListParams.builder().setLimit(100L).build();
        session.call(StripePermission.SUBSCRIPTION, client -> {
            for (Subscription subscription : client.v1().subscriptions().list(params).autoPagingIterable()) {
                switch (subscription.getStatus()) {
                    case "active" -> {
                        active[0]++;
                        payingCustomers.add(subscription.getCustomer());
                    }
                    case "past_due" -> {
                        pastDue[0]++;
                        payingCustomers.add(subscription.getCustomer());
                    }
                    case "trialing" -> trialing[0]++;
                    default -> {
                        // incomplete, unpaid and paused subscriptions are neither subscribers nor paying
                    }
                }
            }
            return null;
        });
        return QueryResult.of(JsonNodeFactory.instance.objectNode()
                .put("active_subscriptions", active[0])
                .put("past_due_subscriptions", pastDue[0])
                .put("trialing_subscriptions", trialing[0])
                .put("paying_customers", payingCustomers.size()));
    }
}
