package io.tributary.crypto;

import java.security.SecureRandom;

/**
 * Supplies GCM nonces. Production always uses {@link #random(SecureRandom)}; the interface exists so
 * known-answer tests can inject the nonce a test vector prescribes.
 */
@FunctionalInterface
interface NonceSource {

    byte[] nextNonce();

    /** Fresh random 96-bit nonces: safe for far more messages per key than one workspace will ever store. */
    static NonceSource random(SecureRandom random) {
        return () -> {
            byte[] nonce = new byte[AesGcm.NONCE_BYTES];
            random.nextBytes(nonce);
            return nonce;
        };
    }
}
