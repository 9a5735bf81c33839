package io.tributary.connector.stripe;

import com.stripe.model.Coupon;
import io.tributary.connector.spi.MirrorReader;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finds coupons by id in the mirrored coupons stream, for MRR from the mirror: what
 * {@link CouponLookup} asks Stripe for live. A coupon deleted since it was applied is not in the
 * mirror, as Stripe no longer finds it either, and its discount is left out the same way.
 */
final class MirroredCoupons implements Function<String, Coupon> {

    private final MirrorReader mirror;
    private final Supplier<StripeSession> sessions;
    private final Map<String, Coupon> found = new HashMap<>();

    MirroredCoupons(MirrorReader mirror, Supplier<StripeSession> sessions) {
        this.mirror = mirror;
        this.sessions = sessions;
    }

    @Override
    public Coupon apply(String id) {
        if (!found.containsKey(id)) { // null (not found) is remembered too
            found.put(id, mirror.find(StripeStream.COUPONS.streamName(), id)
                    .map(json -> MirroredModels.parse(sessions.get(), json, Coupon.class)).orElse(null));
        }
        return found.get(id);
    }
}
