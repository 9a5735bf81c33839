package io.tributary.connector.stripe;

/** The names of the Stripe connector's credential fields. */
final class StripeCredentials {

    /** The API key: restricted (recommended) or secret. */
    static final String API_KEY = "api_key";

    /** The webhook endpoint's signing secret, {@code whsec_...}; optional (push mode). */
    static final String WEBHOOK_SECRET = "webhook_secret";

    private StripeCredentials() {
    }
}
