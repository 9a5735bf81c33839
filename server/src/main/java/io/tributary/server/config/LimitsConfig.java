package io.tributary.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** What one caller may cost the server before it is answered 429. */
public class LimitsConfig {

    /**
     * Webhook deliveries per second, per data source, that may fail their signature check; past
     * this (after a burst of {@link #refusedWebhooksBurst}) deliveries are answered 429 unchecked.
     */
    @JsonProperty
    @DecimalMin("0.01")
    private double refusedWebhooksPerSecond = 5;

    @JsonProperty
    @Min(1)
    @Max(10_000)
    private int refusedWebhooksBurst = 20;

    public double refusedWebhooksPerSecond() {
        return refusedWebhooksPerSecond;
    }

    public int refusedWebhooksBurst() {
        return refusedWebhooksBurst;
    }
}
