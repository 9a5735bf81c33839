package io.tributary.connector.webhook;

import java.util.Base64;
import java.util.Optional;

/** A Standard Webhooks secret: {@code whsec_} and the Base64 of the key bytes; the key is the decoded part. */
final class StandardSecret {

    static final String PREFIX = "whsec_";

    private StandardSecret() {
    }

    /** The key bytes, or empty when the secret is not {@code whsec_} and non-empty standard Base64. */
    static Optional<byte[]> key(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            return key.length == 0 ? Optional.empty() : Optional.of(key);
        } catch (IllegalArgumentException e) {
            // Never the exception's message: it may quote the secret's characters.
            return Optional.empty();
        }
    }
}
