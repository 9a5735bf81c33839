package io.tributary.connector.stripe;

import com.stripe.model.Coupon;
import com.stripe.param.CouponListParams;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds coupons by id for one query. The first lookup lists the account's coupons, 100 to a page
 * and at most {@value #MAX_LIST_PAGES} pages, because accounts have few coupons and many
 * discounted subscriptions; a coupon not listed (deleted, or beyond those pages) is asked for by id,
 * once. So a discount costs a handful of requests per query, never one per subscription.
 */
final class CouponLookup implements Function<String, Coupon> {

    static final int MAX_LIST_PAGES = 10;

    private final StripeSession session;
    private final Map<String, Coupon> coupons = new HashMap<>();
    private boolean listed;

    CouponLookup(StripeSession session) {
        this.session = session;
    }

    @Override
    public Coupon apply(String id) {
        if (!listed) {
            listed = true;
            listFirstPages();
        }
        return coupons.computeIfAbsent(id, this::retrieve);
    }

    private void listFirstPages() {
        CouponListParams params = CouponListParams.builder().setLimit(100L).build();
        session.call(StripePermission.COUPON, client -> {
            int pageLimit = MAX_LIST_PAGES * 100;
            for (Coupon coupon : client.v1().coupons().list(params).autoPagingIterable()) {
                coupons.put(coupon.getId(), coupon);
                if (coupons.size() >= pageLimit) {
                    break;
                }
            }
            return null;
        });
    }

    /** A coupon deleted since it was applied may no longer be found: its discount is then left out. */
    private Coupon retrieve(String id) {
        try {
            return session.call(StripePermission.COUPON, client -> client.v1().coupons().retrieve(id));
        } catch (ConnectorException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }
}
