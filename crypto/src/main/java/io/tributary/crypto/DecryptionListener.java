package io.tributary.crypto;

/**
 * Told about every decryption attempt, successful or not, for the audit log. Called synchronously on
 * the decrypting thread. If it throws on a successful decryption, the plaintext is wiped and the
 * exception propagates: no secret is released without its audit record.
 */
@FunctionalInterface
public interface DecryptionListener {

    /** A listener that records nothing, for tools and tests that have no audit log. */
    DecryptionListener NONE = event -> { };

    /** @param event the attempt, never containing plaintext or key material */
    void onDecryption(DecryptionEvent event);
}
