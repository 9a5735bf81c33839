package io.tributary.connector.stripe;

import io.tributary.connector.spi.MirrorReader;
import io.tributary.connector.spi.QueryRequest;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What a query answered from the host's mirror works with.
 *
 * @param request the validated request
 * @param mirror the mirrored records of the streams the query named
 * @param clock the context's clock, the same "now" the live query reads
 * @param sessions the Stripe session, opened (and the credentials read) only when first asked for:
 *     to read mirrored objects with the account's stripe-java client (no request), or to ask Stripe
 *     what the mirror lacks (the account's default currency, the items of a subscription with more
 *     than Stripe embeds)
 */
record MirrorRun(QueryRequest request, MirrorReader mirror, Clock clock, Supplier<StripeSession> sessions) {
}
