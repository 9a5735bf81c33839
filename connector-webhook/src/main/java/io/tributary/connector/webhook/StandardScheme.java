package io.tributary.connector.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.WebhookRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Standard Webhooks (standardwebhooks.com), the default: headers {@code webhook-id},
 * {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature} (space-separated
 * {@code v1,<base64>} entries), HMAC-SHA256 over {@code <id>.<timestamp>.<body>} keyed by the
 * Base64-decoded part of a {@code whsec_} secret. Entries of other versions (the asymmetric
 * {@code v1a}) are ignored. The delivery id is {@code webhook-id}.
 *
 * @param tolerance how far {@code webhook-timestamp} may lie from now
 */
public record StandardScheme(Tolerance tolerance) implements SignatureScheme {

    /** The scheme's name. */
    public static final String NAME = "standard";
    static final String ID_HEADER = "webhook-id";
    static final String TIMESTAMP_HEADER = "webhook-timestamp";
    static final String SIGNATURE_HEADER = "webhook-signature";

    /** Checks the input. */
    public StandardScheme {
        Objects.requireNonNull(tolerance, "tolerance");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void verify(WebhookRequest request, byte[] body, Instant now) {
        String id = Headers.required(request, ID_HEADER);
        String timestamp = Headers.required(request, TIMESTAMP_HEADER);
        String header = Headers.required(request, SIGNATURE_HEADER);
        long signedAt = Headers.unixSeconds(TIMESTAMP_HEADER, timestamp);
        List<byte[]> signatures = signatures(header);
        List<byte[]> keys = request.signingSecrets().stream().map(StandardSecret::key).flatMap(Optional::stream).toList();
        if (keys.isEmpty()) {
            throw new ConnectorException(WebhookErrorCodes.SECRET_MALFORMED,
                    "No signing secret is whsec_ followed by Base64, as Standard Webhooks needs");
        }
        if (signatures.isEmpty() || !Hmac.anyMatches(keys, Hmac.dotJoined(id + "." + timestamp, body), signatures)) {
            throw new ConnectorException(StandardErrorCode.WEBHOOK_SIGNATURE_INVALID,
                    "The delivery's signature matches none of the signing secrets");
        }
        tolerance.check(signedAt, now);
    }

    @Override
    public String deliveryId(WebhookRequest request, JsonNode body) {
        return Headers.required(request, ID_HEADER);
    }

    @Override
    public boolean acceptsSecret(String secret) {
        return StandardSecret.key(secret).isPresent();
    }

    private static List<byte[]> signatures(String header) {
        List<byte[]> signatures = new ArrayList<>();
        for (String entry : header.trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma <= 0 || comma == entry.length() - 1) {
                throw Headers.malformed(SIGNATURE_HEADER, "has an entry that is not <version>,<signature>");
            }
            if (entry.substring(0, comma).equals("v1")) {
                try {
                    signatures.add(Base64.getDecoder().decode(entry.substring(comma + 1)));
                } catch (IllegalArgumentException e) {
                    throw Headers.malformed(SIGNATURE_HEADER, "has a v1 signature that is not Base64");
                }
            }
        }
        return signatures;
    }
}
