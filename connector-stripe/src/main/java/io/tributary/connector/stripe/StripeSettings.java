package io.tributary.connector.stripe;

import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.ParameterSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Stripe connector's settings, from the server configuration under {@code connectors.stripe},
 * read once when the connector is created. The host validates the configuration against
 * {@link #SCHEMA} first, so every value here is of the right type and within range.
 *
 * <p>Stripe allows about 100 requests a second per account in live mode and 25 in test mode, and
 * by default 25 a second per endpoint; the defaults stay under both with room for the account's
 * other integrations.
 *
 * @param apiBase Stripe's API base URL ({@code api_base}), without a trailing slash; a fake or
 *     simulator in tests
 * @param livePerSecond requests a second per live-mode account ({@code rate_limit_live_per_second}, 80)
 * @param testPerSecond requests a second per test-mode account ({@code rate_limit_test_per_second}, 20)
 * @param endpointPerSecond requests a second per endpoint ({@code rate_limit_endpoint_per_second}, 20)
 * @param retryPolicy retries ({@code retry_max_attempts} 5, {@code retry_base_delay_ms} 500,
 *     {@code retry_max_delay_ms} 8000)
 * @param webhookTolerance how far a webhook's signing time may be from now
 *     ({@code webhook_tolerance_seconds}, 300)
 */
public record StripeSettings(String apiBase, double livePerSecond, double testPerSecond, double endpointPerSecond,
                             RetryPolicy retryPolicy, Duration webhookTolerance) {

    /** Stripe's production API. */
    public static final String DEFAULT_API_BASE = "https://api.stripe.com";

    static final String API_BASE = "api_base";
    static final String RATE_LIMIT_LIVE = "rate_limit_live_per_second";
    static final String RATE_LIMIT_TEST = "rate_limit_test_per_second";
    static final String RATE_LIMIT_ENDPOINT = "rate_limit_endpoint_per_second";
    static final String RETRY_MAX_ATTEMPTS = "retry_max_attempts";
    static final String RETRY_BASE_DELAY_MS = "retry_base_delay_ms";
    static final String RETRY_MAX_DELAY_MS = "retry_max_delay_ms";
    static final String WEBHOOK_TOLERANCE_SECONDS = "webhook_tolerance_seconds";

    /** The settings an operator may give, with their defaults and ranges. */
    static final List<ParameterSpec> SCHEMA = List.of(
            ParameterSpec.string(API_BASE, "Stripe's API base URL; point it at a fake or a simulator in tests.")
                    .matching("https?://.+").withDefault(DEFAULT_API_BASE),
            rate(RATE_LIMIT_LIVE, "Requests a second to one live-mode Stripe account, shared by every binding of its key.", 80),
            rate(RATE_LIMIT_TEST, "Requests a second to one test-mode Stripe account, shared by every binding of its key.", 20),
            rate(RATE_LIMIT_ENDPOINT, "Requests a second to any one endpoint of a Stripe account.", 20),
            number(RETRY_MAX_ATTEMPTS, "The most attempts at one request, the first included (1 means never retry).",
                    1, 20, RetryPolicy.DEFAULT.maxAttempts()),
            number(RETRY_BASE_DELAY_MS, "The backoff before the second attempt, in milliseconds, before jitter; it doubles after each.",
                    0, 60_000, RetryPolicy.DEFAULT.baseDelay().toMillis()),
            number(RETRY_MAX_DELAY_MS, "The longest backoff between two attempts, in milliseconds.",
                    0, 300_000, RetryPolicy.DEFAULT.maxDelay().toMillis()),
            ParameterSpec.integer(WEBHOOK_TOLERANCE_SECONDS, "How far, in seconds, a webhook's signing time may be from now.")
                    .between(1, 86_400).withDefault(StripeSignature.DEFAULT_TOLERANCE.toSeconds()));

    /** Checks the values, so a record built by hand is as valid as one read from settings. */
    public StripeSettings {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(webhookTolerance, "webhookTolerance");
        if (!(livePerSecond > 0) || !(testPerSecond > 0) || !(endpointPerSecond > 0)) {
            throw new IllegalArgumentException("Stripe's rate limits must be positive");
        }
        if (webhookTolerance.isNegative() || webhookTolerance.isZero()) {
            throw new IllegalArgumentException("The webhook tolerance must be positive");
        }
    }

    /**
     * Reads settings validated against {@link #SCHEMA}.
     *
     * @param settings the connector's settings, defaults filled in
     * @return the settings
     * @throws IllegalArgumentException when a setting is missing (the settings were not validated
     *     against the schema) or the retry delays contradict each other
     */
    public static StripeSettings from(ConnectorSettings settings) {
        long baseDelay = required(settings.number(RETRY_BASE_DELAY_MS), RETRY_BASE_DELAY_MS).longValue();
        long maxDelay = required(settings.number(RETRY_MAX_DELAY_MS), RETRY_MAX_DELAY_MS).longValue();
        if (maxDelay < baseDelay) {
            throw new IllegalArgumentException("connectors.stripe." + RETRY_MAX_DELAY_MS + " (" + maxDelay
                    + ") must not be below connectors.stripe." + RETRY_BASE_DELAY_MS + " (" + baseDelay + ")");
        }
        // A fractional attempt count is cut to a whole one, as it always was.
        RetryPolicy retry = new RetryPolicy(required(settings.number(RETRY_MAX_ATTEMPTS), RETRY_MAX_ATTEMPTS).intValue(),
                Duration.ofMillis(baseDelay), Duration.ofMillis(maxDelay));
        return new StripeSettings(required(settings.string(API_BASE), API_BASE).replaceAll("/+$", ""),
                required(settings.number(RATE_LIMIT_LIVE), RATE_LIMIT_LIVE).doubleValue(),
                required(settings.number(RATE_LIMIT_TEST), RATE_LIMIT_TEST).doubleValue(),
                required(settings.number(RATE_LIMIT_ENDPOINT), RATE_LIMIT_ENDPOINT).doubleValue(),
                retry,
                Duration.ofSeconds(required(settings.integer(WEBHOOK_TOLERANCE_SECONDS), WEBHOOK_TOLERANCE_SECONDS)));
    }

    /**
     * The account-wide rate for a key's mode.
     *
     * @param livemode whether the key is a live key
     * @return requests a second
     */
    public double perSecond(boolean livemode) {
        return livemode ? livePerSecond : testPerSecond;
    }

    private static ParameterSpec rate(String name, String description, int defaultValue) {
        return ParameterSpec.number(name, description).between(new BigDecimal("0.1"), BigDecimal.valueOf(10_000))
                .withDefault(defaultValue);
    }

    private static ParameterSpec number(String name, String description, long min, long max, long defaultValue) {
        return ParameterSpec.number(name, description).between(BigDecimal.valueOf(min), BigDecimal.valueOf(max))
                .withDefault(defaultValue);
    }

    private static <T> T required(Optional<T> value, String name) {
        return value.orElseThrow(() -> new IllegalArgumentException(
                "The Stripe connector's settings lack '" + name + "': they were not validated against its schema"));
    }
}
