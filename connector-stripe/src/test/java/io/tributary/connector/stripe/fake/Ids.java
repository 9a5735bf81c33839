package io.tributary.connector.stripe.fake;

import java.util.SplittableRandom;

/** Stripe-looking ids from a seeded generator, so the same calls always yield the same ids. */
final class Ids {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String COUPON_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final SplittableRandom random;

    Ids(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code prefix_} and 14 base-62 characters, as Stripe's ids look ({@code cus_Nf3kP0...}). */
    synchronized String next(String prefix) {
        return prefix + "_" + chars(BASE62, 14);
    }

    /** Coupon ids are 8 bare upper-case characters when Stripe picks them. */
    synchronized String coupon() {
        return chars(COUPON_CHARS, 8);
    }

    /** Checkout Session ids carry the mode: {@code cs_test_...}. */
    synchronized String checkoutSession(boolean livemode) {
        return (livemode ? "cs_live_" : "cs_test_") + chars(BASE62, 58);
    }

    /** Random text for fingerprints, secrets and the like. */
    synchronized String token(int length) {
        return chars(BASE62, length);
    }

    private String chars(String alphabet, int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
