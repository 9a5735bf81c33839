package io.tributary.server.webhooks;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;

/**
 * Webhook deliveries as metrics (on the admin port's {@code /metrics}): accepted, refused for their
 * signature, and turned away unchecked because a source's refusals passed the rate.
 */
public final class WebhookMetrics {

    private final Meter accepted;
    private final Meter refused;
    private final Meter rateLimited;

    public WebhookMetrics(MetricRegistry registry) {
        this.accepted = registry.meter("webhooks.accepted");
        this.refused = registry.meter("webhooks.refused");
        this.rateLimited = registry.meter("webhooks.rate_limited");
    }

    void accepted() {
        accepted.mark();
    }

    void refused() {
        refused.mark();
    }

    void rateLimited() {
        rateLimited.mark();
    }
}
