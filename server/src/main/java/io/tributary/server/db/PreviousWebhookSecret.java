package io.tributary.server.db;

import java.time.Instant;

/**
 * A replaced webhook signing secret, still accepted during its overlap with the new one.
 *
 * @param ciphertext the old secret as it was sealed
 * @param version the credential version it was sealed at (bound into its associated data)
 * @param until when it stops being accepted
 */
public record PreviousWebhookSecret(String ciphertext, int version, Instant until) {

    @Override
    public String toString() {
        return "PreviousWebhookSecret[version=" + version + ", until=" + until + "]";
    }
}
