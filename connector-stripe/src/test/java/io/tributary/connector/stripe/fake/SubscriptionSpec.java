package io.tributary.connector.stripe.fake;

import java.util.List;
import java.util.Objects;

/**
 * What to place as a subscription: its customer, status and items, and optionally a
 * subscription-level coupon, a creation time and cancel-at-period-end.
 *
 * @param customer          {@code cus_...}
 * @param status            one of Stripe's eight subscription statuses
 * @param items             one or more items, all in one currency and interval
 * @param coupon            a coupon id applied to the whole subscription, or null
 * @param created           epoch seconds, or null for the account clock's "now" less 30 days
 * @param cancelAtPeriodEnd whether the subscription ends with the current period
 */
public record SubscriptionSpec(String customer, String status, List<Item> items, String coupon, Long created,
        boolean cancelAtPeriodEnd) {

    /** Stripe's subscription statuses. */
    public static final List<String> STATUSES = List.of("active", "past_due", "trialing", "incomplete",
            "incomplete_expired", "canceled", "unpaid", "paused");

    public SubscriptionSpec {
        Objects.requireNonNull(customer, "customer");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("Not a Stripe subscription status: " + status);
        }
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("A subscription has at least one item");
        }
    }

    public static SubscriptionSpec of(String customer, String status, Item... items) {
        return new SubscriptionSpec(customer, status, List.of(items), null, null, false);
    }

    public SubscriptionSpec withCoupon(String couponId) {
        return new SubscriptionSpec(customer, status, items, couponId, created, cancelAtPeriodEnd);
    }

    public SubscriptionSpec withCreated(long epochSeconds) {
        return new SubscriptionSpec(customer, status, items, coupon, epochSeconds, cancelAtPeriodEnd);
    }

    public SubscriptionSpec withCancelAtPeriodEnd(boolean cancel) {
        return new SubscriptionSpec(customer, status, items, coupon, created, cancel);
    }

    /**
     * One subscription item.
     *
     * @param priceOrPlan a price id, or a legacy plan id
     * @param quantity    the quantity; null for metered prices, which bill usage instead
     * @param coupon      a coupon applied to this item only, or null
     */
    public record Item(String priceOrPlan, Long quantity, String coupon) {
        public Item {
            Objects.requireNonNull(priceOrPlan, "priceOrPlan");
        }

        /** A licensed price at a quantity. */
        public static Item price(String priceId, long quantity) {
            return new Item(priceId, quantity, null);
        }

        /** A legacy plan at a quantity. */
        public static Item plan(String planId, long quantity) {
            return new Item(planId, quantity, null);
        }

        /** A metered price: no quantity. */
        public static Item metered(String priceId) {
            return new Item(priceId, null, null);
        }

        public Item withCoupon(String couponId) {
            return new Item(priceOrPlan, quantity, couponId);
        }
    }
}
