package io.tributary.connector.stripe;

import java.time.Instant;
import java.util.Optional;

/**
 * What this process keeps per Stripe key between operations: its rate limiter, and what it last
 * learned about the account (so a refresh need not ask again). Never the key.
 */
final class StripeAccount {

    /**
     * What Stripe said about the account, and when.
     *
     * @param readable whether the key may read the account's details (else only its id is known)
     */
    record Profile(String accountId, String defaultCurrency, String displayName, boolean readable, Instant fetchedAt) {
    }

    private final RequestRateLimiter limiter;
    private volatile Profile profile;

    StripeAccount(RequestRateLimiter limiter) {
        this.limiter = limiter;
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
