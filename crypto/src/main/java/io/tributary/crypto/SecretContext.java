package io.tributary.crypto;

import java.util.Objects;

/**
 * Where a secret belongs: its workspace, the record (row) holding it and the field within that
 * record. Encryption binds the ciphertext to all three, so a ciphertext copied to another row,
 * field or workspace fails to decrypt.
 *
 * @param workspaceId owning workspace
 * @param recordId    id of the row that stores the secret, e.g. a connection id
 * @param fieldName   which secret of that row, e.g. {@code "apiKey"} or {@code "webhookSecret"}
 */
public record SecretContext(String workspaceId, String recordId, String fieldName) {

    /** Rejects null or empty parts: an empty binding would bind nothing. */
    public SecretContext {
        requireNonEmpty(workspaceId, "workspaceId");
        requireNonEmpty(recordId, "recordId");
        requireNonEmpty(fieldName, "fieldName");
    }

    static String requireNonEmpty(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }
}
