package io.tributary.connector.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Stripe's scheme: {@code Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>...]}, HMAC-SHA256 over
 * {@code <t>.<body>} keyed by the secret's UTF-8 bytes (the whole secret, {@code whsec_} included).
 * Other signature versions ({@code v0}) are ignored. The delivery id is the body's {@code id}.
 *
 * @param tolerance how far {@code t} may lie from now
 */
public record StripeScheme(Tolerance tolerance) implements SignatureScheme {

    /** The scheme's name. */
    public static final String NAME = "stripe";
    static final String HEADER = "Stripe-Signature";

    /** Checks the input. */
    public StripeScheme {
        Objects.requireNonNull(tolerance, "tolerance");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void verify(WebhookRequest request, byte[] body, Instant now) {
        String header = Headers.required(request, HEADER);
        String timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",", -1)) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw Headers.malformed(HEADER, "has a part that is not key=value");
            }
            String key = part.substring(0, equals).trim();
            String value = part.substring(equals + 1).trim();
            if (key.equals("t")) {
                if (timestamp != null) {
                    throw Headers.malformed(HEADER, "carries two timestamps");
                }
                timestamp = value;
            } else if (key.equals("v1")) {
                signatures.add(hex(value));
            }
        }
        if (timestamp == null) {
            throw Headers.malformed(HEADER, "has no timestamp");
        }
        long signedAt = Headers.unixSeconds(HEADER, timestamp);
        if (signatures.isEmpty()) {
            throw Headers.malformed(HEADER, "has no v1 signature");
        }
        List<byte[]> keys = request.signingSecrets().stream().map(secret -> secret.getBytes(StandardCharsets.UTF_8)).toList();
        if (!Hmac.anyMatches(keys, Hmac.dotJoined(timestamp, body), signatures)) {
            throw new ConnectorException(StandardErrorCode.WEBHOOK_SIGNATURE_INVALID,
                    "The delivery's signature matches none of the signing secrets");
        }
        tolerance.check(signedAt, now);
    }

    @Override
    public String deliveryId(WebhookRequest request, JsonNode body) {
        JsonNode id = body.path("id");
        if (!id.isTextual() || id.textValue().isBlank()) {
            throw new ConnectorException(StandardErrorCode.WEBHOOK_PAYLOAD_MALFORMED, "The Stripe event has no id");
        }
        return id.textValue();
    }

    @Override
    public boolean acceptsSecret(String secret) {
        return !secret.isEmpty();
    }

    private static byte[] hex(String value) {
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            throw Headers.malformed(HEADER, "has a v1 signature that is not hexadecimal");
        }
    }
}
