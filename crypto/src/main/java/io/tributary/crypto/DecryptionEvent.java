package io.tributary.crypto;

import java.util.Objects;

/**
 * One attempt to decrypt a secret, for the audit log. Names who asked for which secret and whether it
 * worked; never carries plaintext or key material.
 *
 * @param workspaceId owning workspace
 * @param recordId    row holding the secret
 * @param fieldName   which secret of the row
 * @param dataKeyId   the data key id the ciphertext names
 * @param requestedBy opaque caller identity, e.g. {@code "system:scheduledRunner"} or {@code "user:42"}
 * @param succeeded   whether the plaintext was released
 * @param failureCode why it failed; {@code null} on success, or if the failure was not a {@link CryptoException}
 */
public record DecryptionEvent(
        String workspaceId,
        String recordId,
        String fieldName,
        String dataKeyId,
        String requestedBy,
        boolean succeeded,
        CryptoErrorCode failureCode) {

    /** Requires every name; a successful event has no failure code. */
    public DecryptionEvent {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(dataKeyId, "dataKeyId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        if (succeeded && failureCode != null) {
            throw new IllegalArgumentException("a successful decryption has no failure code");
        }
    }

    static DecryptionEvent success(SecretContext context, String dataKeyId, String requestedBy) {
        return new DecryptionEvent(context.workspaceId(), context.recordId(), context.fieldName(),
                dataKeyId, requestedBy, true, null);
    }

    static DecryptionEvent failure(SecretContext context, String dataKeyId, String requestedBy, CryptoErrorCode code) {
        return new DecryptionEvent(context.workspaceId(), context.recordId(), context.fieldName(),
                dataKeyId, requestedBy, false, code);
    }
}
