package io.tributary.connector.stripe;

import com.stripe.model.Coupon;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds coupons by id for one query, asking Stripe once per distinct coupon: accounts have few
 * coupons and many discounted subscriptions, so this costs a handful of requests, never one per
 * subscription.
 */
final class CouponLookup implements Function<String, Coupon> {

    private final StripeSession session;
    private final Map<String, Coupon> coupons = new HashMap<>();

    CouponLookup(StripeSession session) {
        this.session = session;
    }

    @Override
    public Coupon apply(String id) {
        return coupons.computeIfAbsent(id, couponId ->
                session.call(StripePermission.COUPON, client -> client.v1().coupons().retrieve(couponId)));
    }
}
