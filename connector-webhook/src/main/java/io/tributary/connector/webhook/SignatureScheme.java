package io.tributary.connector.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.spi.WebhookRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * How a sender signs its deliveries. A scheme checks its headers, then the signature against
 * every accepted secret (any may match, so two secrets overlap during a rotation), then the signed
 * timestamp if it has one; only after that does anything read the body.
 */
public sealed interface SignatureScheme permits StripeScheme, GithubScheme, StandardScheme {

    /** The scheme used when none is configured. */
    String DEFAULT = StandardScheme.NAME;

    /**
     * The scheme's name, as the {@code scheme} credential field spells it.
     *
     * @return {@code stripe}, {@code github} or {@code standard}
     */
    String name();

    /**
     * Verifies a delivery's signature.
     *
     * @param request the delivery and the accepted secrets
     * @param body the raw body, as signed
     * @param now the host clock's now
     * @throws io.tributary.connector.spi.ConnectorException a {@code WEBHOOK_REJECTED} code when it does not hold
     */
    void verify(WebhookRequest request, byte[] body, Instant now);

    /**
     * The delivery's id, for deduplication; called only once the signature holds.
     *
     * @param request the verified delivery
     * @param body its parsed body
     * @return the id
     * @throws io.tributary.connector.spi.ConnectorException when the delivery carries no id
     */
    String deliveryId(WebhookRequest request, JsonNode body);

    /**
     * Whether a secret can key this scheme, for checking a secret when it is saved rather than at
     * the first delivery.
     *
     * @param secret a secret
     * @return false when the scheme cannot use it
     */
    boolean acceptsSecret(String secret);

    /**
     * The scheme of a name, with the default tolerance.
     *
     * @param name {@code stripe}, {@code github} or {@code standard}, in any case; null or blank for the default
     * @return the scheme
     * @throws IllegalArgumentException for any other name
     */
    static SignatureScheme named(String name) {
        return named(name, Tolerance.DEFAULT);
    }

    /**
     * The scheme of a name.
     *
     * @param name {@code stripe}, {@code github} or {@code standard}, in any case; null or blank for the default
     * @param tolerance the timestamp tolerance, for the schemes that sign a timestamp
     * @return the scheme
     * @throws IllegalArgumentException for any other name
     */
    static SignatureScheme named(String name, Tolerance tolerance) {
        String key = name == null || name.isBlank() ? DEFAULT : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case StripeScheme.NAME -> new StripeScheme(tolerance);
            case GithubScheme.NAME -> new GithubScheme();
            case StandardScheme.NAME -> new StandardScheme(tolerance);
            default -> throw new IllegalArgumentException("Unknown signature scheme '" + name + "': " + names());
        };
    }

    /**
     * Every scheme's name.
     *
     * @return the names
     */
    static List<String> names() {
        return List.of(StandardScheme.NAME, StripeScheme.NAME, GithubScheme.NAME);
    }
}
