package io.tributary.crypto;

import java.util.Objects;

/**
 * Wraps data keys with the ring's current master key and unwraps them with whichever master key
 * they name, AES-256-GCM with associated data binding each wrapped key to its workspace.
 */
final class DataKeyWrapper {

    private final MasterKeyRing keyRing;
    private final NonceSource nonces;

    DataKeyWrapper(MasterKeyRing keyRing, NonceSource nonces) {
        this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    WrappedDataKey wrap(DataKey dataKey, String workspaceId) {
        MasterKey masterKey = keyRing.current();
        byte[] nonce = nonces.nextNonce();
        byte[] aad = AssociatedData.forDataKey(workspaceId, masterKey.keyId(), dataKey.id());
        byte[] encrypted = AesGcm.encrypt(masterKey.keyBytes(), nonce, aad, dataKey.bytes());
        return new WrappedDataKey(masterKey.keyId(), dataKey.id(), nonce, encrypted);
    }

    /** The caller must close the returned key. */
    DataKey unwrap(WrappedDataKey wrapped, String workspaceId) {
        MasterKey masterKey = keyRing.get(wrapped.masterKeyId());
        byte[] aad = AssociatedData.forDataKey(workspaceId, wrapped.masterKeyId(), wrapped.dataKeyId());
        byte[] key = AesGcm.decrypt(masterKey.keyBytes(), wrapped.nonce(), aad, wrapped.encryptedKeyAndTag());
        return new DataKey(wrapped.dataKeyId(), key);
    }
}
