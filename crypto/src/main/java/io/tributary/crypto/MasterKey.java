package io.tributary.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The 256-bit key-encryption key that wraps every workspace's data key, identified by a key id so it
 * can rotate. It comes from configuration or the environment ({@link #fromBase64}); {@link #generate}
 * is for development setups. {@link #toString()} never reveals the key bytes.
 */
public final class MasterKey {

    /** Length of a master key in bytes (AES-256). */
    public static final int KEY_BYTES = 32;

    /** Length in bytes of keys returned by {@link #deriveKey(String)}. */
    public static final int DERIVED_KEY_BYTES = 32;

    // Fixed HKDF salt: separates our derivations from any other use of the same key material.
    private static final byte[] HKDF_SALT = "tributary/master-key-derivation/v1".getBytes(StandardCharsets.UTF_8);

    private final String keyId;
    private final byte[] key;

    private MasterKey(String keyId, byte[] key) {
        this.keyId = KeyIds.requireValid(keyId, CryptoErrorCode.INVALID_KEY);
        if (key.length != KEY_BYTES) {
            throw new CryptoException(CryptoErrorCode.INVALID_KEY, "master key must be " + KEY_BYTES + " bytes");
        }
        this.key = key;
    }

    /**
     * Parses a master key from standard base64 (as put in configuration or an environment variable;
     * surrounding whitespace is ignored).
     *
     * @param keyId     id stored with every data key this key wraps: 1-64 characters of [A-Za-z0-9_-]
     * @param base64Key exactly 32 bytes, base64-encoded
     * @throws CryptoException {@code INVALID_KEY} if the id or key is unusable (the message never echoes the key)
     */
    public static MasterKey fromBase64(String keyId, String base64Key) {
        if (base64Key == null) {
            throw new CryptoException(CryptoErrorCode.INVALID_KEY, "master key is missing");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new CryptoException(CryptoErrorCode.INVALID_KEY, "master key is not valid base64");
        }
        try {
            return new MasterKey(keyId, decoded);
        } catch (CryptoException e) {
            Arrays.fill(decoded, (byte) 0);
            throw e;
        }
    }

    /** Generates a random master key, for development setups and tests. */
    public static MasterKey generate(String keyId) {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return new MasterKey(keyId, key);
    }

    /** @return the id recorded in every data key this master key wraps */
    public String keyId() {
        return keyId;
    }

    /**
     * Exports the key as standard base64, the form {@link #fromBase64} reads. Only for putting a
     * {@linkplain #generate generated} key into configuration; never log the result.
     */
    public String exportBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * Derives an independent 256-bit subkey for another purpose with HKDF-SHA256 (salt
     * {@code "tributary/master-key-derivation/v1"}, info = the UTF-8 purpose label). The same master key
     * and label always give the same bytes; different labels give unrelated keys. The subkey changes
     * when the master key rotates, so callers should record which master key id they derived from.
     *
     * @param purpose a versioned label such as {@code "tributary/audit-seal/v1"}
     * @return a fresh array the caller owns (and should zero when done)
     */
    public byte[] deriveKey(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("purpose label must not be blank");
        }
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(SHA256Digest.newInstance());
        hkdf.init(new HKDFParameters(key, HKDF_SALT, purpose.getBytes(StandardCharsets.UTF_8)));
        byte[] derived = new byte[DERIVED_KEY_BYTES];
        hkdf.generateBytes(derived, 0, derived.length);
        return derived;
    }

    /** The key bytes themselves, not a copy: package code must never modify or keep them. */
    byte[] keyBytes() {
        return key;
    }

    /** Equal when both id and key bytes match; bytes are compared in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MasterKey that
                && keyId.equals(that.keyId)
                && MessageDigest.isEqual(key, that.key);
    }

    /** Hashes the id only, so the hash says nothing about the key bytes. */
    @Override
    public int hashCode() {
        return Objects.hash(keyId);
    }

    @Override
    public String toString() {
        return "MasterKey[keyId=" + keyId + ", key=<redacted>]";
    }
}
