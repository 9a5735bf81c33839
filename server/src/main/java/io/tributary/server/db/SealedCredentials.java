package io.tributary.server.db;

/**
 * A source's credentials as they are written: both ciphertexts, under one data key, at one version.
 *
 * @param version          the credential version both ciphertexts are bound to
 * @param credentials      every credential field but the webhook signing secret
 * @param webhookSecret    the signing secret, or null
 * @param hasWebhookSecret whether the source takes webhooks: true with a null {@code webhookSecret} only for
 *                         a source whose secret still sits inside {@code credentials} (see WebhookSecretUpgrade)
 */
public record SealedCredentials(int version, String credentials, String webhookSecret, boolean hasWebhookSecret) {

    /** The version only. */
    @Override
    public String toString() {
        return "SealedCredentials[version=" + version + ", webhookSecret=" + (webhookSecret == null ? "none" : "sealed") + "]";
    }
}
