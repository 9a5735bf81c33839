package io.tributary.connector.stripe.fake;

import com.stripe.StripeClient;

/** stripe-java clients pointed at a fake: what the connector does with {@code setApiBase}. */
public final class FakeStripeClients {

    private FakeStripeClients() {
    }

    /** A client for this key, with no retries so tests see every failure. */
    public static StripeClient client(FakeStripe fake, String apiKey) {
        return client(fake, apiKey, 0);
    }

    /** A client for this key with stripe-java's own retries (which honour {@code Stripe-Should-Retry}). */
    public static StripeClient client(FakeStripe fake, String apiKey, int maxNetworkRetries) {
        return StripeClient.builder()
                .setApiKey(apiKey)
                .setApiBase(fake.baseUrl())
                .setMaxNetworkRetries(maxNetworkRetries)
                .setConnectTimeout(5_000)
                .setReadTimeout(10_000)
                .build();
    }
}
