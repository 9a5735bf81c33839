package io.tributary.crypto;

import java.util.Objects;

/**
 * Encrypts and decrypts secret bytes under an unwrapped data key, producing and reading
 * {@link EncryptedSecret}. Takes the associated data as bytes, built by the caller
 * ({@link AssociatedData#forSecret}).
 *
 * <p>Test seam: this package-private class, with its {@link NonceSource} and raw associated data, is
 * what lets the Wycheproof and GCM-spec known-answer tests drive our own encrypt/decrypt and storage
 * format with a vector's exact key, nonce and associated data. Production code reaches it only
 * through {@link EnvelopeEncryption}, which always uses random nonces and builds the associated data
 * itself.
 */
final class SecretSealer {

    private final NonceSource nonces;

    SecretSealer(NonceSource nonces) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    EncryptedSecret seal(DataKey dataKey, byte[] associatedData, byte[] plaintext) {
        byte[] nonce = nonces.nextNonce();
        return new EncryptedSecret(dataKey.id(), nonce, AesGcm.encrypt(dataKey.bytes(), nonce, associatedData, plaintext));
    }

    /** Returns the plaintext only if the tag verifies; the caller is responsible for the key-id check. */
    byte[] open(DataKey dataKey, byte[] associatedData, EncryptedSecret secret) {
        return AesGcm.decrypt(dataKey.bytes(), secret.nonce(), associatedData, secret.ciphertextAndTag());
    }
}
