package com.example.helpdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.WebhookContext;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import io.tributary.connector.spi.Webhooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The helpdesk's signed deliveries: {@code X-Helpdesk-Timestamp} (unix seconds) and
 * {@code X-Helpdesk-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">}, accepted within
 * five minutes of the host's clock.
 */
final class HelpdeskWebhooks implements Webhooks {

    static final String TIMESTAMP_HEADER = "X-Helpdesk-Timestamp";
    static final String SIGNATURE_HEADER = "X-Helpdesk-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CredentialField SIGNING_SECRET = CredentialField.secret("webhook_secret", "Webhook signing secret")
            .pattern("whsec_\\w+").helpText("Starts with whsec_, from Settings > Webhooks").publicPrefixes("whsec_").build();

    private final String typeId;

    HelpdeskWebhooks(String typeId) {
        this.typeId = typeId;
    }

    @Override
    public CredentialField signingSecretField() {
        return SIGNING_SECRET;
    }

    @Override
    public List<WebhookEvent> verify(WebhookContext context, WebhookRequest request) {
        Instant signedAt = timestamp(request);
        String header = request.header(SIGNATURE_HEADER).orElseThrow(() -> new ConnectorException(
                StandardErrorCode.WEBHOOK_SIGNATURE_INVALID, "The delivery has no " + SIGNATURE_HEADER + " header"));
        byte[] given = header.startsWith("sha256=") ? hex(header.substring(7)) : new byte[0];
        byte[] signed = signedContent(signedAt.getEpochSecond(), request.body());
        boolean verified = request.signingSecrets().stream().anyMatch(secret -> MessageDigest.isEqual(hmac(secret, signed), given));
        if (!verified) {
            throw new ConnectorException(StandardErrorCode.WEBHOOK_SIGNATURE_INVALID, "The delivery's signature does not match");
        }
        Duration age = Duration.between(signedAt, context.clock().instant()).abs();
        if (age.compareTo(TOLERANCE) > 0) {
            throw new ConnectorException(StandardErrorCode.WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE,
                    "The delivery was signed " + age.toSeconds() + " s away from now, beyond " + TOLERANCE.toSeconds() + " s");
        }
        return List.of(event(request.body()));
    }

    /** The delivery's signed time. */
    static Instant timestamp(WebhookRequest request) {
        String text = request.header(TIMESTAMP_HEADER).orElseThrow(() -> new ConnectorException(
                StandardErrorCode.WEBHOOK_SIGNATURE_INVALID, "The delivery has no " + TIMESTAMP_HEADER + " header"));
        try {
            return Instant.ofEpochSecond(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new ConnectorException(StandardErrorCode.WEBHOOK_SIGNATURE_INVALID, "The delivery's timestamp is not a number", e);
        }
    }

    private WebhookEvent event(byte[] body) {
        JsonNode event;
        try {
            event = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConnectorException(StandardErrorCode.WEBHOOK_PAYLOAD_MALFORMED, "The delivery is not JSON", e);
        }
        if (event == null || !event.path("id").isTextual() || !event.path("type").isTextual()) {
            throw new ConnectorException(StandardErrorCode.WEBHOOK_PAYLOAD_MALFORMED, "The delivery lacks an id or a type");
        }
        boolean aboutTickets = event.path("type").asText().startsWith("ticket.");
        Set<String> staleQueries = aboutTickets ? Set.of(typeId + ".open_tickets", typeId + ".recent_tickets") : Set.of();
        return new WebhookEvent(event.path("id").asText(), event.path("type").asText(),
                Instant.ofEpochSecond(event.path("created").asLong()), staleQueries,
                aboutTickets ? Set.of(HelpdeskStreams.TICKETS.name()) : Set.of(), event.get("ticket"));
    }

    /** What the helpdesk signs: the timestamp, a dot, and the body. */
    static byte[] signedContent(long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }

    static byte[] hmac(String secret, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new ConnectorException(StandardErrorCode.CONNECTOR_ERROR, "HMAC-SHA256 is unavailable", e);
        }
    }

    private static byte[] hex(String text) {
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
