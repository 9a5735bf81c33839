package io.tributary.connector.stripe.fake;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake Stripe on its own, for trying the server by hand and for benchmarks: a generated
 * account and a read-only key, printed on start. Stop it with Ctrl-C. See bench/run-fake-stripe.sh.
 */
public final class FakeStripeMain {

    private FakeStripeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 2026;
        FakeStripeAccount account = FakeStripeAccount.generate(seed, AccountSize.small());
        FakeStripe stripe = FakeStripe.start(account);
        String key = stripe.addKey(KeyAccess.allReads());
        Runtime.getRuntime().addShutdownHook(new Thread(stripe::close));
        System.out.println("FAKE_STRIPE_API_BASE=" + stripe.baseUrl());
        System.out.println("FAKE_STRIPE_KEY=" + key);
        System.out.println("FAKE_STRIPE_ACCOUNT=" + account.id());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
