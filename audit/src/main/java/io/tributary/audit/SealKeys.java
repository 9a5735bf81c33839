package io.tributary.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys that seal chain heads, by id: the current one seals, every one verifies what it
 * sealed, so the current key can be rotated while chains sealed before still verify. Keep them
 * out of the database (the server stores them encrypted under its master key).
 */
public final class SealKeys {

    /** The id of the key that sealed heads before keys had ids. */
    public static final String INITIAL = "initial";

    /** Shortest key accepted: HMAC-SHA256 wants at least its output size. */
    static final int MIN_KEY_LENGTH = 32;

    private final String currentId;
    private final Map<String, byte[]> keys;

    /**
     * @param currentId the key that seals from now on; must be among {@code keys}
     * @param keys every key by id, each at least 32 bytes
     */
    public SealKeys(String currentId, Map<String, byte[]> keys) {
        Objects.requireNonNull(currentId, "currentId");
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a seal key needs an id");
            }
            if (key == null || key.length < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("the audit MAC key must be at least " + MIN_KEY_LENGTH + " bytes");
            }
            copy.put(id, key.clone());
        });
        if (!copy.containsKey(currentId)) {
            throw new IllegalArgumentException("the current seal key '" + currentId + "' is not among the keys");
        }
        this.currentId = currentId;
        this.keys = Map.copyOf(copy);
    }

    /** One key, the one that sealed heads before keys had ids. */
    public static SealKeys single(byte[] key) {
        return new SealKeys(INITIAL, Map.of(INITIAL, key == null ? new byte[0] : key));
    }

    public String currentId() {
        return currentId;
    }

    /** Every key's id. */
    public java.util.Set<String> ids() {
        return keys.keySet();
    }

    byte[] current() {
        return keys.get(currentId);
    }

    Optional<byte[]> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public String toString() {
        return "SealKeys[current=" + currentId + ", ids=" + keys.keySet() + "]";
    }
}
