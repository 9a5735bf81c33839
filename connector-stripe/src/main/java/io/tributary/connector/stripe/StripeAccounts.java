package io.tributary.connector.stripe;

import com.stripe.StripeClient;
import com.stripe.net.HttpURLConnectionClient;
import io.tributary.connector.spi.Timeouts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One {@link StripeAccount} per API key and API base, shared by every operation that uses the key,
 * so all of them share one rate limiter. Never the global static API key of stripe-java: many
 * workspaces' keys live in one process. Bounded, least recently used first out.
 */
final class StripeAccounts {

    private static final int MAX_ACCOUNTS = 1_000;

    private final Map<String, StripeAccount> accounts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StripeAccount> eldest) {
            return size() > MAX_ACCOUNTS;
        }
    };

    synchronized StripeAccount forKey(StripeKey key, StripeSettings settings, Timeouts timeouts) {
        // The fingerprint, not the key, is the map key: a heap dump of the map shows no keys.
        String id = settings.apiBase() + " " + key.fingerprint() + " " + settings.hashCode();
        return accounts.computeIfAbsent(id, ignored -> open(key, settings, timeouts));
    }

    private static StripeAccount open(StripeKey key, StripeSettings settings, Timeouts timeouts) {
        RequestRateLimiter limiter = RequestRateLimiter.system(settings.perSecond(key.livemode()), settings.endpointPerSecond());
        PoliteHttpClient http = new PoliteHttpClient(new HttpURLConnectionClient(), limiter, settings.retryPolicy(),
                timeouts.operation(), ThreadLocalRandom.current(), duration -> Thread.sleep(duration.toMillis()));
        StripeClient client = StripeClient.builder()
                .setApiKey(key.value())
                .setApiBase(settings.apiBase())
                .setHttpClient(http)
                .setMaxNetworkRetries(0)
                .setConnectTimeout(millis(timeouts.connect()))
                .setReadTimeout(millis(timeouts.read()))
                .build();
        return new StripeAccount(client, limiter);
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
