package io.tributary.connector.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.net.HttpClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import io.tributary.connector.spi.ConnectorException;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The HTTP client every {@code StripeClient} of this connector uses: it waits for the account's
 * rate limiter before each request, and retries what is worth retrying, because stripe-java's
 * {@code StripeClient} retries nothing by default and never retries a plain 429.
 *
 * <p>Retried: connection failures, 429, 5xx, and anything Stripe marks
 * {@code Stripe-Should-Retry: true}; never what it marks {@code false}. After the last attempt the
 * final response goes back to stripe-java, which turns it into its typed exception.
 */
final class PoliteHttpClient extends HttpClient {

    /** Sleeps between attempts; replaced in tests. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient transport;
    private final RequestRateLimiter limiter;
    private final RetryPolicy retryPolicy;
    private final Duration maxQueueWait;
    private final RandomGenerator random;
    private final Pause pause;

    PoliteHttpClient(HttpClient transport, RequestRateLimiter limiter, RetryPolicy retryPolicy, Duration maxQueueWait,
                     RandomGenerator random, Pause pause) {
        this.transport = transport;
        this.limiter = limiter;
        this.retryPolicy = retryPolicy;
        this.maxQueueWait = maxQueueWait;
        this.random = random;
        this.pause = pause;
    }

    @Override
    public StripeResponse request(StripeRequest request) throws StripeException {
        limiter.acquire(StripeEndpoints.of(request.url().getPath()), maxQueueWait);
        return transport.request(request);
    }

    @Override
    public StripeResponse requestWithRetries(StripeRequest request) throws StripeException {
        for (int attempt = 1; ; attempt++) {
            StripeResponse response;
            try {
                response = request(request);
            } catch (ApiConnectionException e) {
                if (attempt >= retryPolicy.maxAttempts()) {
                    throw e;
                }
                sleep(retryPolicy.backoff(attempt, Duration.ZERO, random));
                continue;
            }
            if (attempt >= retryPolicy.maxAttempts() || !worthRetrying(response)) {
                return withReadableError(response);
            }
            sleep(retryPolicy.backoff(attempt, retryAfter(response), random));
        }
    }

    /**
     * A failure whose body is not Stripe's JSON error (a proxy's HTML 502, an empty body) gets one,
     * so stripe-java raises its typed exception instead of failing to read the body.
     */
    static StripeResponse withReadableError(StripeResponse response) {
        if (response.code() < 400 || hasErrorObject(response.body())) {
            return response;
        }
        String body = "{\"error\":{\"type\":\"api_error\",\"message\":\"Stripe answered HTTP " + response.code()
                + " without an error description\"}}";
        return new StripeResponse(response.code(), response.headers(), body);
    }

    private static boolean hasErrorObject(String body) {
        try {
            JsonNode json = body == null ? null : JSON.readTree(body);
            return json != null && json.path("error").isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    static boolean worthRetrying(StripeResponse response) {
        Optional<String> shouldRetry = response.headers().firstValue("Stripe-Should-Retry");
        if (shouldRetry.isPresent()) {
            return Boolean.parseBoolean(shouldRetry.get());
        }
        return response.code() == 429 || response.code() >= 500;
    }

    private static Duration retryAfter(StripeResponse response) {
        return response.headers().firstValue("Retry-After").flatMap(PoliteHttpClient::seconds).orElse(Duration.ZERO);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds >= 0 && seconds <= 60 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void sleep(Duration duration) {
        try {
            pause.pause(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientFailure("Interrupted while waiting to retry a Stripe request", e);
        }
    }
}
