package io.tributary.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Envelope encryption of workspace secrets: each workspace has its own AES-256 data key, stored
 * wrapped by the master key; secrets are AES-256-GCM encrypted under the data key with a random
 * 96-bit nonce and associated data binding them to workspace, record and field.
 *
 * <p>Every decryption, including the one inside {@link #reencrypt}, goes through one private method
 * that reports exactly one {@link DecryptionEvent} to the listener, success or failure. Data keys are
 * unwrapped only inside this class and wiped after each operation.
 *
 * <p>Thread-safe: holds only immutable state and a {@link SecureRandom}.
 */
public final class EnvelopeEncryption {

    private final SecureRandom random;
    private final DataKeyWrapper wrapper;
    private final SecretSealer sealer;
    private final DecryptionListener listener;

    /**
     * @param keyRing  master keys: the current one wraps new data keys, retired ones still unwrap
     * @param listener told about every decryption attempt (the audit log)
     */
    public EnvelopeEncryption(MasterKeyRing keyRing, DecryptionListener listener) {
        this.random = new SecureRandom();
        NonceSource nonces = NonceSource.random(random);
        this.wrapper = new DataKeyWrapper(keyRing, nonces);
        this.sealer = new SecretSealer(nonces);
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Creates a new random data key for a workspace, wrapped by the current master key. Store the
     * result (its {@link WrappedDataKey#toText() text form}) with the workspace.
     */
    public WrappedDataKey newDataKey(String workspaceId) {
        SecretContext.requireNonEmpty(workspaceId, "workspaceId");
        try (DataKey dataKey = DataKey.generate(random)) {
            return wrapper.wrap(dataKey, workspaceId);
        }
    }

    /**
     * Encrypts a secret under the workspace's data key.
     *
     * @param context where the secret will be stored; decrypting requires the same context
     * @param dataKey the workspace's wrapped data key (must belong to {@code context.workspaceId()})
     * @throws CryptoException if the data key does not open (see {@link CryptoErrorCode})
     */
    public EncryptedSecret encrypt(SecretContext context, WrappedDataKey dataKey, byte[] plaintext) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(dataKey, "dataKey");
        Objects.requireNonNull(plaintext, "plaintext");
        try (DataKey key = wrapper.unwrap(dataKey, context.workspaceId())) {
            return sealer.seal(key, AssociatedData.forSecret(context, key.id()), plaintext);
        }
    }

    /** As {@link #encrypt}, for a UTF-8 string. */
    public EncryptedSecret encryptString(SecretContext context, WrappedDataKey dataKey, String plaintext) {
        byte[] bytes = Objects.requireNonNull(plaintext, "plaintext").getBytes(StandardCharsets.UTF_8);
        try {
            return encrypt(context, dataKey, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Decrypts a secret and reports the attempt to the listener (exactly once, success or failure).
     *
     * @param context     where the secret is stored; must match the context it was encrypted with
     * @param dataKey     the wrapped data key the secret names
     * @param secret      the stored ciphertext
     * @param requestedBy opaque identity of whoever needs the secret, recorded in the audit event
     * @return the plaintext, which the caller should zero when done
     * @throws CryptoException {@code AUTHENTICATION_FAILED} for a wrong key, wrong context or tampered
     *                         data; {@code UNKNOWN_KEY_ID} if the secret names another data key than the one
     *                         given, or the data key names a master key not in the ring
     */
    public byte[] decrypt(SecretContext context, WrappedDataKey dataKey, EncryptedSecret secret, String requestedBy) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(dataKey, "dataKey");
        Objects.requireNonNull(secret, "secret");
        SecretContext.requireNonEmpty(requestedBy, "requestedBy");
        return decryptAndReport(context, dataKey, secret, requestedBy);
    }

    /** As {@link #decrypt}, for a secret that was encrypted from a UTF-8 string. */
    public String decryptString(SecretContext context, WrappedDataKey dataKey, EncryptedSecret secret, String requestedBy) {
        byte[] plaintext = decrypt(context, dataKey, secret, requestedBy);
        try {
            return new String(plaintext, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Data key rotation: decrypts a secret under its old data key (reported like any decryption) and
     * encrypts it under the new one, in the same context. The result no longer needs the old key.
     */
    public EncryptedSecret reencrypt(SecretContext context, WrappedDataKey oldDataKey, WrappedDataKey newDataKey,
                                     EncryptedSecret secret, String requestedBy) {
        return reencrypt(context, context, oldDataKey, newDataKey, secret, requestedBy);
    }

    /**
     * As {@link #reencrypt(SecretContext, WrappedDataKey, WrappedDataKey, EncryptedSecret, String)}, binding
     * the result to another context of the same workspace: a stored secret whose associated data
     * carries a version moves to the next version as it moves to the new key (and the key may stay).
     *
     * @throws IllegalArgumentException if {@code to} names another workspace: a secret never changes workspace
     */
    public EncryptedSecret reencrypt(SecretContext from, SecretContext to, WrappedDataKey oldDataKey, WrappedDataKey newDataKey,
                                     EncryptedSecret secret, String requestedBy) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(newDataKey, "newDataKey");
        if (!from.workspaceId().equals(to.workspaceId())) {
            throw new IllegalArgumentException("a secret is re-encrypted within its workspace, not from " + from.workspaceId()
                    + " to " + to.workspaceId());
        }
        byte[] plaintext = decrypt(from, oldDataKey, secret, requestedBy);
        try {
            return encrypt(to, newDataKey, plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Master key rotation: unwraps a data key with the master key it names (current or retired) and
     * wraps the same key bytes with the current master key. Secrets encrypted under it are untouched
     * and still decrypt. Not reported to the listener: no secret is decrypted and the key never leaves.
     */
    public WrappedDataKey rewrap(String workspaceId, WrappedDataKey dataKey) {
        SecretContext.requireNonEmpty(workspaceId, "workspaceId");
        Objects.requireNonNull(dataKey, "dataKey");
        try (DataKey key = wrapper.unwrap(dataKey, workspaceId)) {
            return wrapper.wrap(key, workspaceId);
        }
    }

    // The one place a secret is decrypted.
    private byte[] decryptAndReport(SecretContext context, WrappedDataKey dataKey, EncryptedSecret secret,
                                    String requestedBy) {
        byte[] plaintext;
        try {
            plaintext = open(context, dataKey, secret);
        } catch (CryptoException e) {
            reportFailure(DecryptionEvent.failure(context, secret.dataKeyId(), requestedBy, e.code()), e);
            throw e;
        } catch (RuntimeException e) {
            reportFailure(DecryptionEvent.failure(context, secret.dataKeyId(), requestedBy, null), e);
            throw e;
        }
        try {
            listener.onDecryption(DecryptionEvent.success(context, secret.dataKeyId(), requestedBy));
        } catch (RuntimeException e) {
            // Fail closed: a secret whose release could not be audited is not released.
            Arrays.fill(plaintext, (byte) 0);
            throw e;
        }
        return plaintext;
    }

    private byte[] open(SecretContext context, WrappedDataKey dataKey, EncryptedSecret secret) {
        if (!secret.dataKeyId().equals(dataKey.dataKeyId())) {
            throw new CryptoException(CryptoErrorCode.UNKNOWN_KEY_ID, "secret was encrypted under data key "
                    + secret.dataKeyId() + ", not the supplied data key " + dataKey.dataKeyId());
        }
        try (DataKey key = wrapper.unwrap(dataKey, context.workspaceId())) {
            return sealer.open(key, AssociatedData.forSecret(context, key.id()), secret);
        }
    }

    private void reportFailure(DecryptionEvent event, RuntimeException cause) {
        try {
            listener.onDecryption(event);
        } catch (RuntimeException listenerFailure) {
            cause.addSuppressed(listenerFailure);
        }
    }
}
