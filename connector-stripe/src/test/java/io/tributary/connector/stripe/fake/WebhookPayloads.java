package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What Stripe POSTs to a webhook endpoint for an event: the event object itself, pretty-printed.
 * Signing ({@code Stripe-Signature}) is left to the test, which holds the endpoint secret.
 */
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    /** The delivery body of an event from {@link FakeStripeAccount#eventsSince(String)} or the events list. */
    public static String body(ObjectNode event) {
        if (!"event".equals(event.path("object").asText())) {
            throw new IllegalArgumentException("Not an event: " + event.path("object").asText());
        }
        return Json.writePretty(event);
    }

    /** The delivery body of a stored event, by id. */
    public static String body(FakeStripeAccount account, String eventId) {
        return body(account.object("event", eventId)
                .orElseThrow(() -> new IllegalArgumentException("No such event: " + eventId)));
    }
}
