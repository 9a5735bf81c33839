package io.tributary.crypto;

import static io.tributary.crypto.CryptoAssertions.SECRET;
import static io.tributary.crypto.CryptoAssertions.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Master key rotation (rewrap data keys, secrets untouched) and data key rotation (re-encrypt secrets). */
class KeyRotationTest {

    private static final String ROTATOR = "system:keyRotation";

    private final MasterKey oldMaster = MasterKey.generate("mk-2024");
    private final MasterKey newMaster = MasterKey.generate("mk-2025");
    private final SecretContext context = new SecretContext("ws-a", "conn-1", "apiKey");

    @Test
    void masterKeyRotationRewrapsDataKeysAndOldSecretsStillDecrypt() {
        EnvelopeEncryption before = new EnvelopeEncryption(MasterKeyRing.of(oldMaster), DecryptionListener.NONE);
        WrappedDataKey wrappedByOld = before.newDataKey("ws-a");
        EncryptedSecret secret = before.encryptString(context, wrappedByOld, SECRET);

        // During rotation the ring holds the new key as current and the old one as retired.
        EnvelopeEncryption during = new EnvelopeEncryption(MasterKeyRing.of(newMaster, oldMaster), DecryptionListener.NONE);
        assertThat(during.decryptString(context, wrappedByOld, secret, ROTATOR)).isEqualTo(SECRET);
        WrappedDataKey wrappedByNew = during.rewrap("ws-a", wrappedByOld);

        assertThat(wrappedByNew.masterKeyId()).isEqualTo("mk-2025");
        assertThat(wrappedByNew.dataKeyId()).isEqualTo(wrappedByOld.dataKeyId());
        assertThat(wrappedByNew.encryptedKeyAndTag()).isNotEqualTo(wrappedByOld.encryptedKeyAndTag());
        assertThat(during.decryptString(context, wrappedByNew, secret, ROTATOR)).isEqualTo(SECRET);

        // After retiring the old master key, only rewrapped keys open; the secret itself never changed.
        EnvelopeEncryption after = new EnvelopeEncryption(MasterKeyRing.of(newMaster), DecryptionListener.NONE);
        assertThat(after.decryptString(context, wrappedByNew, secret, ROTATOR)).isEqualTo(SECRET);
        assertFailsWith(CryptoErrorCode.UNKNOWN_KEY_ID, () -> after.decrypt(context, wrappedByOld, secret, ROTATOR));
        assertFailsWith(CryptoErrorCode.UNKNOWN_KEY_ID, () -> after.rewrap("ws-a", wrappedByOld));
    }

    @Test
    void rewrappedKeyIsStillBoundToItsWorkspace() {
        EnvelopeEncryption during = new EnvelopeEncryption(MasterKeyRing.of(newMaster, oldMaster), DecryptionListener.NONE);
        WrappedDataKey rewrapped = during.rewrap("ws-a",
                new EnvelopeEncryption(MasterKeyRing.of(oldMaster), DecryptionListener.NONE).newDataKey("ws-a"));

        assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED, () -> during.rewrap("ws-b", rewrapped));
    }

    @Test
    void newDataKeysAreWrappedByTheCurrentMasterKey() {
        EnvelopeEncryption during = new EnvelopeEncryption(MasterKeyRing.of(newMaster, oldMaster), DecryptionListener.NONE);
        assertThat(during.newDataKey("ws-a").masterKeyId()).isEqualTo("mk-2025");
    }

    @Test
    void dataKeyRotationReencryptsUnderTheNewKey() {
        EnvelopeEncryption envelope = new EnvelopeEncryption(MasterKeyRing.of(newMaster), DecryptionListener.NONE);
        WrappedDataKey oldDataKey = envelope.newDataKey("ws-a");
        WrappedDataKey newDataKey = envelope.newDataKey("ws-a");
        EncryptedSecret underOld = envelope.encryptString(context, oldDataKey, SECRET);

        EncryptedSecret underNew = envelope.reencrypt(context, oldDataKey, newDataKey, underOld, ROTATOR);

        assertThat(underNew.dataKeyId()).isEqualTo(newDataKey.dataKeyId()).isNotEqualTo(oldDataKey.dataKeyId());
        assertThat(envelope.decryptString(context, newDataKey, underNew, ROTATOR)).isEqualTo(SECRET);
        // The new ciphertext does not need (and cannot use) the old key; the old one needs only the old key.
        assertFailsWith(CryptoErrorCode.UNKNOWN_KEY_ID, () -> envelope.decrypt(context, oldDataKey, underNew, ROTATOR));
        assertFailsWith(CryptoErrorCode.UNKNOWN_KEY_ID, () -> envelope.decrypt(context, newDataKey, underOld, ROTATOR));
        assertThat(envelope.decryptString(context, oldDataKey, underOld, ROTATOR)).isEqualTo(SECRET);
    }

    @Test
    void reencryptionKeepsTheSecretBoundToItsContext() {
        EnvelopeEncryption envelope = new EnvelopeEncryption(MasterKeyRing.of(newMaster), DecryptionListener.NONE);
        WrappedDataKey oldDataKey = envelope.newDataKey("ws-a");
        WrappedDataKey newDataKey = envelope.newDataKey("ws-a");
        EncryptedSecret underNew = envelope.reencrypt(context, oldDataKey, newDataKey,
                envelope.encryptString(context, oldDataKey, SECRET), ROTATOR);

        assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED,
                () -> envelope.decrypt(new SecretContext("ws-a", "conn-2", "apiKey"), newDataKey, underNew, ROTATOR));
    }

    @Test
    void reencryptionToAnotherWorkspacesKeyIsRefused() {
        EnvelopeEncryption envelope = new EnvelopeEncryption(MasterKeyRing.of(newMaster), DecryptionListener.NONE);
        WrappedDataKey oldDataKey = envelope.newDataKey("ws-a");
        WrappedDataKey keyOfB = envelope.newDataKey("ws-b");
        EncryptedSecret secret = envelope.encryptString(context, oldDataKey, SECRET);

        assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED, () -> envelope.reencrypt(context, oldDataKey, keyOfB, secret, ROTATOR));
    }

    @Test
    void reencryptionMayMoveTheSecretToANewContextOfItsWorkspace() {
        EnvelopeEncryption envelope = new EnvelopeEncryption(MasterKeyRing.of(newMaster), DecryptionListener.NONE);
        WrappedDataKey oldDataKey = envelope.newDataKey("ws-a");
        WrappedDataKey newDataKey = envelope.newDataKey("ws-a");
        SecretContext version2 = new SecretContext("ws-a", "conn-1", "apiKey#v2");
        EncryptedSecret underOld = envelope.encryptString(context, oldDataKey, SECRET);

        EncryptedSecret moved = envelope.reencrypt(context, version2, oldDataKey, newDataKey, underOld, ROTATOR);

        assertThat(envelope.decryptString(version2, newDataKey, moved, ROTATOR)).isEqualTo(SECRET);
        // Bound to the new context only: under the old one it no longer opens.
        assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED, () -> envelope.decrypt(context, newDataKey, moved, ROTATOR));
        // The same key, a new context: the version moves on without a key rotation.
        EncryptedSecret sameKey = envelope.reencrypt(context, version2, oldDataKey, oldDataKey, underOld, ROTATOR);
        assertThat(envelope.decryptString(version2, oldDataKey, sameKey, ROTATOR)).isEqualTo(SECRET);
    }

    @Test
    void reencryptionIntoAnotherWorkspacesContextIsRefused() {
        EnvelopeEncryption envelope = new EnvelopeEncryption(MasterKeyRing.of(newMaster), DecryptionListener.NONE);
        WrappedDataKey dataKey = envelope.newDataKey("ws-a");
        EncryptedSecret secret = envelope.encryptString(context, dataKey, SECRET);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> envelope.reencrypt(context,
                        new SecretContext("ws-b", "conn-1", "apiKey"), dataKey, dataKey, secret, ROTATOR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("within its workspace");
    }
}
