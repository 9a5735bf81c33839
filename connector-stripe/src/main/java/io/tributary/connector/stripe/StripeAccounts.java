package io.tributary.connector.stripe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@link StripeAccount} per API key and settings, shared by every operation that uses the key,
 * so all of them share one rate limiter. Bounded, least recently used first out.
 *
 * <p>It keeps no key: entries are found by the key's salted digest, and hold only the limiter and
 * what was learned about the account. What needs the key (stripe-java's client) is built per
 * operation ({@link OperationClients}) and dropped with it.
 */
final class StripeAccounts {

    private static final int MAX_ACCOUNTS = 1_000;

    /** Which account entry: the key's digest, and the settings its limiter was built from. */
    private record AccountId(String keyDigest, StripeSettings settings) {
    }

    private final KeyDigest digest = KeyDigest.withRandomSalt();
    private final Map<AccountId, StripeAccount> accounts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<AccountId, StripeAccount> eldest) {
            return size() > MAX_ACCOUNTS;
        }
    };

    synchronized StripeAccount forKey(StripeKey key, StripeSettings settings) {
        return accounts.computeIfAbsent(new AccountId(digest.of(key.value()), settings), ignored -> new StripeAccount(
                RequestRateLimiter.system(settings.perSecond(key.livemode()), settings.endpointPerSecond())));
    }
}
