package io.tributary.connector.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.WebhookContext;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import io.tributary.connector.spi.Webhooks;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Stripe's webhook deliveries: verified against the endpoint's signing secrets (the optional
 * {@code webhook_secret} credential), one event per delivery, each naming what it makes stale.
 */
final class StripeWebhooks implements Webhooks {

    /** The signing secret of a webhook endpoint pointed at the data source; without one, no push. */
    static final CredentialField SIGNING_SECRET = CredentialField.secret(StripeCredentials.WEBHOOK_SECRET, "Webhook signing secret")
            .optional()
            .pattern("whsec_[A-Za-z0-9]{16,}")
            .helpText("Optional: the signing secret (whsec_...) of a webhook endpoint pointed at this data source, for updates within seconds")
            .publicPrefixes("whsec_")
            .build();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration tolerance;

    /** @param tolerance how far a delivery's signing time may be from now, either way */
    StripeWebhooks(Duration tolerance) {
        this.tolerance = tolerance;
    }

    @Override
    public CredentialField signingSecretField() {
        return SIGNING_SECRET;
    }

    @Override
    public List<WebhookEvent> verify(WebhookContext context, WebhookRequest request) {
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
