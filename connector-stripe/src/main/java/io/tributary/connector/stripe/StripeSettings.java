package io.tributary.connector.stripe;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.ErrorCode;
import io.tributary.connector.spi.ErrorKind;
import java.time.Duration;

/**
 * The Stripe connector's settings, from the server configuration under {@code connectors.stripe}.
 *
 * <p>Stripe allows about 100 requests a second per account in live mode and 25 in test mode, and
 * by default 25 a second per endpoint; the defaults stay under both with room for the account's
 * other integrations.
 *
 * @param apiBase Stripe's API base URL ({@code api_base}); a fake or simulator in tests
 * @param livePerSecond requests a second per live-mode account ({@code rate_limit_live_per_second}, 80)
 * @param testPerSecond requests a second per test-mode account ({@code rate_limit_test_per_second}, 20)
 * @param endpointPerSecond requests a second per endpoint ({@code rate_limit_endpoint_per_second}, 20)
 * @param retryPolicy retries ({@code retry_max_attempts} 5, {@code retry_base_delay_ms} 500,
 *     {@code retry_max_delay_ms} 8000)
 */
public record StripeSettings(String apiBase, double livePerSecond, double testPerSecond, double endpointPerSecond,
                             RetryPolicy retryPolicy) {

    /** Stripe's production API. */
    public static final String DEFAULT_API_BASE = "https://api.stripe.com";

    static final ErrorCode INVALID_SETTING = new ErrorCode("stripe.invalid_setting", ErrorKind.INTERNAL);

    /**
     * Reads the settings, with defaults for what is not configured.
     *
     * @param settings the connector's settings
     * @return the parsed settings
     * @throws ConnectorException when a setting is not a valid value
     */
    public static StripeSettings from(ConnectorSettings settings) {
        String apiBase = settings.get("api_base", DEFAULT_API_BASE);
        if (!apiBase.startsWith("http://") && !apiBase.startsWith("https://")) {
            throw new ConnectorException(INVALID_SETTING, "connectors.stripe.api_base must be an http(s) URL");
        }
        RetryPolicy retry = new RetryPolicy(
                (int) number(settings, "retry_max_attempts", RetryPolicy.DEFAULT.maxAttempts(), 1, 20),
                Duration.ofMillis((long) number(settings, "retry_base_delay_ms", RetryPolicy.DEFAULT.baseDelay().toMillis(), 0, 60_000)),
                Duration.ofMillis((long) number(settings, "retry_max_delay_ms", RetryPolicy.DEFAULT.maxDelay().toMillis(), 0, 300_000)));
        return new StripeSettings(apiBase.replaceAll("/+$", ""),
                number(settings, "rate_limit_live_per_second", 80, 0.1, 10_000),
                number(settings, "rate_limit_test_per_second", 20, 0.1, 10_000),
                number(settings, "rate_limit_endpoint_per_second", 20, 0.1, 10_000),
                retry);
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

    private static double number(ConnectorSettings settings, String name, double defaultValue, double min, double max) {
        String raw = settings.find(name).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConnectorException(INVALID_SETTING, "connectors.stripe." + name + " must be a number from " + min + " to " + max);
    }
}
