package io.tributary.connector.stripe;

import com.stripe.StripeClient;
import java.time.Instant;
import java.util.Optional;

/**
 * What this process keeps per Stripe key: its client, its rate limiter, and what it last learned
 * about the account (so a refresh need not ask again).
 */
final class StripeAccount {

    /**
     * What Stripe said about the account, and when.
     *
     * @param readable whether the key may read the account's details (else only its id is known)
     */
    record Profile(String accountId, String defaultCurrency, String displayName, boolean readable, Instant fetchedAt) {
    }

    private final StripeClient client;
    private final RequestRateLimiter limiter;
    private volatile Profile profile;

    StripeAccount(StripeClient client, RequestRateLimiter limiter) {
        this.client = client;
        this.limiter = limiter;
    }

    StripeClient client() {
        return client;
    }

    RequestRateLimiter limiter() {
        return limiter;
    }

    Optional<Profile> profile() {
        return Optional.ofNullable(profile);
    }

    void remember(Profile profile) {
        this.profile = profile;
    }
}
