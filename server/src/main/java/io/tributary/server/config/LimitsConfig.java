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

    /**
     * Hours a replaced webhook signing secret is still accepted beside the new one, so a sender can
     * switch secrets without losing deliveries; 0 ends the old one at once.
     */
    @JsonProperty
    @Min(0)
    @Max(720)
    private int webhookSecretOverlapHours = 24;

    /** Requests a second one token may make (after a burst of {@link #requestBurstPerToken}); past it, 429. */
    @JsonProperty
    @DecimalMin("0.1")
    private double requestsPerSecondPerToken = 50;

    @JsonProperty
    @Min(1)
    @Max(100_000)
    private int requestBurstPerToken = 100;

    /** Server-Sent Events streams one token may hold open at once (per node); past it, 429. */
    @JsonProperty
    @Min(1)
    @Max(10_000)
    private int eventStreamsPerToken = 20;

    public java.time.Duration webhookSecretOverlap() {
        return java.time.Duration.ofHours(webhookSecretOverlapHours);
    }

    public double requestsPerSecondPerToken() {
        return requestsPerSecondPerToken;
    }

    public int requestBurstPerToken() {
        return requestBurstPerToken;
    }

    public int eventStreamsPerToken() {
        return eventStreamsPerToken;
    }

    public double refusedWebhooksPerSecond() {
        return refusedWebhooksPerSecond;
    }

    public int refusedWebhooksBurst() {
        return refusedWebhooksBurst;
    }
}
