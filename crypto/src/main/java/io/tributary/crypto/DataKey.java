package io.tributary.crypto;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A workspace's plaintext AES-256 data key, alive only for the duration of one operation: unwrap,
 * use, then {@link #close()} wipes it. Never leaves this package.
 */
final class DataKey implements AutoCloseable {

    private static final int ID_RANDOM_BYTES = 12;

    private final String id;
    private final byte[] key;

    /** Takes ownership of {@code key}: it is wiped on {@link #close()}. */
    DataKey(String id, byte[] key) {
        this.id = KeyIds.requireValid(id, CryptoErrorCode.INVALID_KEY);
        if (key.length != AesGcm.KEY_BYTES) {
            throw new CryptoException(CryptoErrorCode.INVALID_KEY, "data key must be " + AesGcm.KEY_BYTES + " bytes");
        }
        this.key = key;
    }

    /** A new random key with a random id such as {@code dk-3q2_Y0b1xXwT4aZc}. */
    static DataKey generate(SecureRandom random) {
        byte[] idBytes = new byte[ID_RANDOM_BYTES];
        random.nextBytes(idBytes);
        byte[] key = new byte[AesGcm.KEY_BYTES];
        random.nextBytes(key);
        return new DataKey("dk-" + Base64Url.encode(idBytes), key);
    }

    String id() {
        return id;
    }

    /** The key bytes themselves, not a copy. */
    byte[] bytes() {
        return key;
    }

    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "DataKey[id=" + id + ", key=<redacted>]";
    }
}
