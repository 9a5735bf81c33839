/**
 * A fake Stripe API for tests and benchmarks, shipped in this module's test-jar.
 *
 * <p>{@link io.tributary.connector.stripe.fake.FakeStripeAccount} holds an account's objects in the
 * JSON shape of API 2026-07-29.dahlia (the version stripe-java 33.3.0 pins): place precise
 * objects with its builders, or {@code generate(seed, AccountSize)} a reproducible account of any
 * size. {@link io.tributary.connector.stripe.fake.FakeStripe} serves it over HTTP on 127.0.0.1
 * with Stripe's list semantics, keys and permissions, and faults on demand. Like Stripe, the API
 * forgets events 30 days after their creation (by the account clock), and events can be recorded
 * at another API version ({@code eventApiVersion}) with an older payload shape.
 *
 * <pre>{@code
 * FakeStripeAccount account = FakeStripeAccount.generate(42, AccountSize.of(100, 300, 500));
 * try (FakeStripe fake = FakeStripe.start(account)) {
 *     String key = fake.addKey(KeyAccess.allReadsExcept(FakeStripePermission.PAYOUT));
 *     StripeClient stripe = StripeClient.builder().setApiKey(key).setApiBase(fake.baseUrl()).build();
 *     ...
 * }
 * }</pre>
 */
package io.tributary.connector.stripe.fake;
