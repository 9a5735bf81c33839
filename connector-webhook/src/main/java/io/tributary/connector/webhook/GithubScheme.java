package io.tributary.connector.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * GitHub's scheme: {@code X-Hub-Signature-256: sha256=<hex>}, HMAC-SHA256 over the body keyed by
 * the secret's UTF-8 bytes. GitHub signs no timestamp, so nothing bounds a replay but the
 * deduplication by {@code X-GitHub-Delivery}, which is required.
 */
public record GithubScheme() implements SignatureScheme {

    /** The scheme's name. */
    public static final String NAME = "github";
    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    static final String DELIVERY_HEADER = "X-GitHub-Delivery";
    private static final String PREFIX = "sha256=";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void verify(WebhookRequest request, byte[] body, Instant now) {
        String header = Headers.required(request, SIGNATURE_HEADER);
        Headers.required(request, DELIVERY_HEADER);
        if (!header.startsWith(PREFIX)) {
            throw Headers.malformed(SIGNATURE_HEADER, "does not start with sha256=");
        }
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(header.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw Headers.malformed(SIGNATURE_HEADER, "is not hexadecimal after sha256=");
        }
        List<byte[]> keys = request.signingSecrets().stream().map(secret -> secret.getBytes(StandardCharsets.UTF_8)).toList();
        if (!Hmac.anyMatches(keys, body, List.of(signature))) {
            throw new ConnectorException(StandardErrorCode.WEBHOOK_SIGNATURE_INVALID,
                    "The delivery's signature matches none of the signing secrets");
        }
    }

    @Override
    public String deliveryId(WebhookRequest request, JsonNode body) {
        return Headers.required(request, DELIVERY_HEADER);
    }

    @Override
    public boolean acceptsSecret(String secret) {
        return !secret.isEmpty();
    }
}
