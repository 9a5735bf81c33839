package io.tributary.connector.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.WebhookContext;
import io.tributary.connector.spi.WebhookRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns a raw delivery into a {@link Delivery}: size, then signature, and only then the body is
 * parsed, so nothing of an unsigned body is ever read.
 */
public final class DeliveryVerifier {

    /** The largest body accepted, 1 MiB. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final SignatureScheme scheme;
    private final Set<String> keptHeaders;

    /**
     * A verifier.
     *
     * @param scheme how deliveries are signed
     * @param keptHeaders the names of the headers a delivery keeps, in any case
     */
    public DeliveryVerifier(SignatureScheme scheme, Set<String> keptHeaders) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.keptHeaders = keptHeaders.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Verifies and parses a delivery.
     *
     * @param context the host's clock
     * @param request the raw delivery and the accepted secrets
     * @return the delivery
     * @throws ConnectorException a {@code WEBHOOK_REJECTED} code when it is refused
     */
    public Delivery verify(WebhookContext context, WebhookRequest request) {
        byte[] body = request.body();
        // The size says nothing about the secret, and it bounds the HMAC's work.
        if (body.length > MAX_BODY_BYTES) {
            throw new ConnectorException(WebhookErrorCodes.TOO_LARGE,
                    "The delivery's body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        Instant now = context.clock().instant();
        scheme.verify(request, body, now);
        JsonNode json = DeliveryBody.parse(body);
        return new Delivery(scheme.deliveryId(request, json), scheme.name(), now, json, kept(request));
    }

    private Map<String, List<String>> kept(WebhookRequest request) {
        Map<String, List<String>> kept = new TreeMap<>(request.headers());
        kept.keySet().retainAll(keptHeaders);
        return kept;
    }
}
