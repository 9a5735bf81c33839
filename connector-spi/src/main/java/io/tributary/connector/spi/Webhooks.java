package io.tributary.connector.spi;

import java.util.List;

/**
 * A connector's webhook capability: the outside system pushes signed events, and the host
 * refreshes what they make stale within seconds.
 *
 * <p>The host stores the signing secret apart from the other credentials (so a delivery is
 * verified without opening them) under the credential field {@link #signingSecretField()}; it
 * appears in the connector's forms after the descriptor's own credential fields. A delivery is
 * verified before anything else happens: {@link #verify} receives no credentials, only the raw
 * delivery and the signing secrets currently accepted.
 */
public interface Webhooks {

    /**
     * The credential field that holds the signing secret, such as {@code webhook_secret}. It must
     * be a secret field, and its name must not be one of the descriptor's credential fields.
     *
     * @return the field
     */
    CredentialField signingSecretField();

    /**
     * The names of the descriptor's plain (not secret) credential fields that verifying a delivery
     * needs, such as the signature scheme a sender uses. The host keeps their values beside the
     * signing secret, readable without opening the other credentials, and hands them to
     * {@link #verify} through {@link WebhookContext#verificationField}. Since SPI 2.2.
     *
     * @return the field names; by default none
     */
    default java.util.Set<String> verificationFields() {
        return java.util.Set.of();
    }

    /**
     * Verifies a delivery's signature and parses its events. Must not call the outside system and
     * must never let an exception other than {@link ConnectorException} escape.
     *
     * @param context what the host hands a verification (its clock decides the timestamp
     *     tolerance window)
     * @param request the raw delivery and the signing secrets currently accepted, newest first
     * @return the delivery's events, each naming the query types and streams it makes stale
     * @throws ConnectorException {@link ErrorKind#WEBHOOK_REJECTED} for a bad signature, a stale
     *     timestamp or a malformed body
     */
    List<WebhookEvent> verify(WebhookContext context, WebhookRequest request);
}
