package io.tributary.connector.stripe;

import com.stripe.StripeClient;
import com.stripe.net.HttpURLConnectionClient;
import io.tributary.connector.spi.Timeouts;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds the stripe-java client one operation uses. A {@link StripeClient} holds its API key, so
 * it lives only as long as the operation's session; what outlives operations (the key's rate
 * limiter) is passed in. Never the global static API key of stripe-java: many workspaces' keys
 * live in one process.
 */
final class OperationClients {

    private OperationClients() {
    }

    static StripeClient open(StripeKey key, StripeSettings settings, Timeouts timeouts, RequestRateLimiter limiter) {
        PoliteHttpClient http = new PoliteHttpClient(new HttpURLConnectionClient(), limiter, settings.retryPolicy(),
                timeouts.operation(), ThreadLocalRandom.current(), duration -> Thread.sleep(duration.toMillis()));
        return StripeClient.builder()
                .setApiKey(key.value())
                .setApiBase(settings.apiBase())
                .setHttpClient(http)
                .setMaxNetworkRetries(0)
                .setConnectTimeout(millis(timeouts.connect()))
                .setReadTimeout(millis(timeouts.read()))
                .build();
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
