package io.tributary.connector.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A one-way name for an API key, for caches that must tell keys apart without holding them: the
 * HMAC-SHA256 of the key under a random salt drawn when this object is made, so the name means
 * nothing outside this process and cannot be checked against a guessed key from a heap dump alone.
 */
final class KeyDigest {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec salt;

    private KeyDigest(byte[] salt) {
        this.salt = new SecretKeySpec(salt, HMAC);
    }

    /** A digest under a fresh random 256-bit salt. */
    static KeyDigest withRandomSalt() {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        return new KeyDigest(salt);
    }

    /** The hex HMAC of the key; equal keys give equal digests under one salt. */
    String of(String key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(salt);
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
