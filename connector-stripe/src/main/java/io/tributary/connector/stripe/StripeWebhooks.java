package io.tributary.connector.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Verifies and parses Stripe's webhook deliveries: one event per delivery. */
final class StripeWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StripeWebhooks() {
    }

    static List<WebhookEvent> parse(ConnectorContext context, WebhookRequest request) {
        Duration tolerance = Duration.ofSeconds(tolerance(context));
        byte[] body = request.body();
        StripeSignature.verify(body, request.header("Stripe-Signature").orElse(null), request.signingSecrets(),
                context.clock().instant(), tolerance);
        JsonNode event = readEvent(body);
        String type = event.get("type").textValue();
        StripeEventEffects.Effects effects = StripeEventEffects.of(type);
        JsonNode object = event.path("data").path("object");
        return List.of(new WebhookEvent(event.get("id").textValue(), type, Instant.ofEpochSecond(event.get("created").longValue()),
                effects.queryTypes(), effects.streams(), object.isObject() ? object : null));
    }

    private static long tolerance(ConnectorContext context) {
        String configured = context.settings().get("webhook_tolerance_seconds", String.valueOf(StripeSignature.DEFAULT_TOLERANCE.toSeconds()));
        try {
            long seconds = Long.parseLong(configured.trim());
            if (seconds > 0 && seconds <= 86_400) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConnectorException(StripeSettings.INVALID_SETTING, "connectors.stripe.webhook_tolerance_seconds must be 1 to 86400");
    }

    private static JsonNode readEvent(byte[] body) {
        JsonNode event;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
            event = JSON.readTree(text);
        } catch (CharacterCodingException | JsonProcessingException e) {
            throw malformed("The delivery's body is not JSON");
        }
        if (event == null || !event.isObject() || !"event".equals(event.path("object").asText())) {
            throw malformed("The delivery's body is not a Stripe event");
        }
        if (!event.path("id").isTextual() || !event.path("type").isTextual() || !event.path("created").canConvertToLong()
                || !event.path("created").isIntegralNumber()) {
            throw malformed("The event lacks an id, a type or a creation time");
        }
        return event;
    }

    private static ConnectorException malformed(String message) {
        return new ConnectorException(StandardErrorCode.WEBHOOK_PAYLOAD_MALFORMED, message);
    }
}
