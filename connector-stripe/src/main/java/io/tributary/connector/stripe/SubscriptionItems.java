package io.tributary.connector.stripe;

import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.param.SubscriptionItemListParams;
import java.util.ArrayList;
import java.util.List;

/**
 * A subscription listed by Stripe embeds only its first page of items; the rare subscription with
 * more gets the rest read here, so no item is silently left out.
 */
final class SubscriptionItems {

    private SubscriptionItems() {
    }

    /** Whether Stripe embedded only the first page of the subscription's items. */
    static boolean incomplete(Subscription subscription) {
        return subscription.getItems() != null && Boolean.TRUE.equals(subscription.getItems().getHasMore());
    }

    static Subscription complete(StripeSession session, Subscription subscription) {
        if (!incomplete(subscription)) {
            return subscription;
        }
        SubscriptionItemListParams params = SubscriptionItemListParams.builder()
                .setSubscription(subscription.getId())
                .setLimit(100L)
                .addExpand("data.discounts")
                .build();
        List<SubscriptionItem> items = new ArrayList<>();
        session.call(StripePermission.SUBSCRIPTION, client -> {
            client.v1().subscriptionItems().list(params).autoPagingIterable().forEach(items::add);
            return null;
        });
        subscription.getItems().setData(items);
        subscription.getItems().setHasMore(false);
        return subscription;
    }
}
