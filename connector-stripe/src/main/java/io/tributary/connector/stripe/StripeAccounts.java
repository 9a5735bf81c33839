package io.tributary.connector.stripe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@link StripeAccount} per API key, shared by every operation that uses the key, so all of
 * them share one rate limiter. Bounded, least recently used first out.
 *
 * <p>It keeps no key: entries are found by the key's salted digest, and hold only the limiter and
 * what was learned about the account. What needs the key (stripe-java's client) is built per
 * operation ({@link OperationClients}) and dropped with it.
 */
final class StripeAccounts {

    private static final int MAX_ACCOUNTS = 1_000;

    private final StripeSettings settings;
    private final KeyDigest digest = KeyDigest.withRandomSalt();
    private final Map<String, StripeAccount> accounts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StripeAccount> eldest) {
            return size() > MAX_ACCOUNTS;
        }
    };

    /** @param settings the rates every account's limiter is built with */
    StripeAccounts(StripeSettings settings) {
        this.settings = settings;
    }

    synchronized StripeAccount forKey(StripeKey key) {
        return accounts.computeIfAbsent(digest.of(key.value()), ignored -> new StripeAccount(
                RequestRateLimiter.system(settings.perSecond(key.livemode()), settings.endpointPerSecond())));
    }

    /** Forgets every account: their limiters and what was learned about them. */
    synchronized void clear() {
        accounts.clear();
    }
}
