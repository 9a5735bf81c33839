package io.tributary.crypto;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The master keys this process knows: the current one, which wraps every new or rewrapped data key,
 * and retired ones, kept by id only so data keys wrapped before a rotation still open until they
 * have been rewrapped. Immutable; drop a retired key by building a new ring without it.
 */
public final class MasterKeyRing {

    private final MasterKey current;
    private final Map<String, MasterKey> byId;

    private MasterKeyRing(MasterKey current, Collection<MasterKey> retired) {
        this.current = Objects.requireNonNull(current, "current");
        Map<String, MasterKey> keys = new LinkedHashMap<>();
        keys.put(current.keyId(), current);
        for (MasterKey key : retired) {
            Objects.requireNonNull(key, "retired key");
            if (keys.putIfAbsent(key.keyId(), key) != null) {
                throw new CryptoException(CryptoErrorCode.INVALID_KEY, "duplicate master key id " + key.keyId());
            }
        }
        this.byId = Collections.unmodifiableMap(keys);
    }

    /**
     * @param current the key that wraps new data keys
     * @param retired keys that may still unwrap older data keys; ids must all differ
     */
    public static MasterKeyRing of(MasterKey current, MasterKey... retired) {
        return new MasterKeyRing(current, Arrays.asList(retired));
    }

    /** As {@link #of(MasterKey, MasterKey...)}, from a collection. */
    public static MasterKeyRing of(MasterKey current, Collection<MasterKey> retired) {
        return new MasterKeyRing(current, List.copyOf(retired));
    }

    /** @return the key that wraps new and rewrapped data keys */
    public MasterKey current() {
        return current;
    }

    /**
     * @return the key with this id, current or retired
     * @throws CryptoException {@code UNKNOWN_KEY_ID} if the ring has no such key
     */
    public MasterKey get(String keyId) {
        MasterKey key = byId.get(keyId);
        if (key == null) {
            throw new CryptoException(CryptoErrorCode.UNKNOWN_KEY_ID, "no master key with id " + keyId + " in the key ring");
        }
        return key;
    }

    /** @return the ids of all keys in the ring, current first */
    public Set<String> keyIds() {
        return byId.keySet();
    }

    @Override
    public String toString() {
        return "MasterKeyRing[current=" + current.keyId() + ", keyIds=" + byId.keySet() + "]";
    }
}
