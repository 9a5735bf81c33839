package io.tributary.crypto;

import static io.tributary.crypto.CryptoAssertions.SECRET;
import static io.tributary.crypto.CryptoAssertions.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Round trips and the bindings that make a ciphertext useless anywhere but where it belongs. */
class EnvelopeEncryptionTest {

    private static final String RUNNER = "system:scheduledRunner";

    private final MasterKey masterKey = MasterKey.generate("mk-2025");
    private final EnvelopeEncryption envelope = new EnvelopeEncryption(MasterKeyRing.of(masterKey), DecryptionListener.NONE);

    private final SecretContext apiKeyOfConnA = new SecretContext("ws-a", "conn-1", "apiKey");
    private final WrappedDataKey keyOfA = envelope.newDataKey("ws-a");
    private final WrappedDataKey keyOfB = envelope.newDataKey("ws-b");

    @Test
    void stringSecretRoundTripsThroughTheStoredTextForms() {
        EncryptedSecret secret = envelope.encryptString(apiKeyOfConnA, keyOfA, SECRET);

        String storedSecret = secret.toText();
        String storedKey = keyOfA.toText();

        assertThat(storedSecret).doesNotContain(SECRET);
        assertThat(envelope.decryptString(apiKeyOfConnA, WrappedDataKey.parse(storedKey), EncryptedSecret.parse(storedSecret), RUNNER))
                .isEqualTo(SECRET);
    }

    @Test
    void binaryAndEmptySecretsRoundTrip() {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        assertThat(envelope.decrypt(apiKeyOfConnA, keyOfA, envelope.encrypt(apiKeyOfConnA, keyOfA, binary), RUNNER)).isEqualTo(binary);
        assertThat(envelope.decrypt(apiKeyOfConnA, keyOfA, envelope.encrypt(apiKeyOfConnA, keyOfA, new byte[0]), RUNNER)).isEmpty();
    }

    @Test
    void nonAsciiStringsRoundTripAsUtf8() {
        String secret = "clé-秘密-🔑";
        EncryptedSecret encrypted = envelope.encryptString(apiKeyOfConnA, keyOfA, secret);
        assertThat(encrypted.ciphertextAndTag()).hasSize(secret.getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(envelope.decryptString(apiKeyOfConnA, keyOfA, encrypted, RUNNER)).isEqualTo(secret);
    }

    @Test
    void encryptingTheSameSecretTwiceGivesDifferentCiphertexts() {
        EncryptedSecret first = envelope.encryptString(apiKeyOfConnA, keyOfA, SECRET);
        EncryptedSecret second = envelope.encryptString(apiKeyOfConnA, keyOfA, SECRET);
        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.toText()).isNotEqualTo(second.toText());
    }

    @Test
    void eachWorkspaceGetsItsOwnDataKey() {
        assertThat(keyOfA.dataKeyId()).isNotEqualTo(keyOfB.dataKeyId()).startsWith("dk-");
        assertThat(keyOfA.masterKeyId()).isEqualTo("mk-2025");
        assertThat(keyOfA.encryptedKeyAndTag()).isNotEqualTo(keyOfB.encryptedKeyAndTag());
    }

    @Test
    void ciphertextCopiedToAnotherRecordDoesNotDecrypt() {
        EncryptedSecret secret = envelope.encryptString(apiKeyOfConnA, keyOfA, SECRET);
        assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED,
                () -> envelope.decrypt(new SecretContext("ws-a", "conn-2", "apiKey"), keyOfA, secret, RUNNER));
    }

    @Test
    void ciphertextCopiedToAnotherFieldDoesNotDecrypt() {
        EncryptedSecret secret = envelope.encryptString(apiKeyOfConnA, keyOfA, SECRET);
        assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED,
                () -> envelope.decrypt(new SecretContext("ws-a", "conn-1", "webhookSecret"), keyOfA, secret, RUNNER));
    }

    @Test
    void ciphertextMovedToAnotherWorkspacesRowDoesNotDecrypt() {
        EncryptedSecret secret = envelope.encryptString(apiKeyOfConnA, keyOfA, SECRET);
        SecretContext sameRowInB = new SecretContext("ws-b", "conn-1", "apiKey");

        // Opened with workspace B's own key: the secret names A's data key.
        assertFailsWith(CryptoErrorCode.UNKNOWN_KEY_ID, () -> envelope.decrypt(sameRowInB, keyOfB, secret, RUNNER));
        // Even if A's wrapped key is copied along with it, that key is bound to workspace A.
        assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED, () -> envelope.decrypt(sameRowInB, keyOfA, secret, RUNNER));
    }

    @Test
    void secretAssociatedDataBindsTheWorkspaceEvenUnderTheSameDataKey() {
        // Below the wrapped-key check: the secret's own associated data names the workspace too.
        SecretSealer sealer = new SecretSealer(NonceSource.random(new java.security.SecureRandom()));
        try (DataKey key = new DataKey("dk-shared", new byte[32])) {
            EncryptedSecret secret = sealer.seal(key, AssociatedData.forSecret(apiKeyOfConnA, key.id()), SECRET.getBytes(StandardCharsets.UTF_8));
            SecretContext otherWorkspace = new SecretContext("ws-b", "conn-1", "apiKey");
            assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED,
                    () -> sealer.open(key, AssociatedData.forSecret(otherWorkspace, key.id()), secret));
        }
    }

    @Test
    void wrappedKeyMovedToAnotherWorkspaceDoesNotOpen() {
        assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED,
                () -> envelope.encryptString(new SecretContext("ws-b", "conn-1", "apiKey"), keyOfA, SECRET));
        assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED, () -> envelope.rewrap("ws-b", keyOfA));
    }

    @Test
    void wrongDataKeyIsRefused() {
        EncryptedSecret secret = envelope.encryptString(apiKeyOfConnA, keyOfA, SECRET);
        WrappedDataKey otherKeyOfA = envelope.newDataKey("ws-a");

        assertFailsWith(CryptoErrorCode.UNKNOWN_KEY_ID, () -> envelope.decrypt(apiKeyOfConnA, otherKeyOfA, secret, RUNNER));
        // Relabel the secret with the other key's id: the tag then fails under the wrong key.
        EncryptedSecret relabelled = new EncryptedSecret(otherKeyOfA.dataKeyId(), secret.nonce(), secret.ciphertextAndTag());
        assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED, () -> envelope.decrypt(apiKeyOfConnA, otherKeyOfA, relabelled, RUNNER));
    }

    @Test
    void wrongMasterKeyWithTheSameIdIsRefused() {
        EncryptedSecret secret = envelope.encryptString(apiKeyOfConnA, keyOfA, SECRET);
        EnvelopeEncryption impostor = new EnvelopeEncryption(MasterKeyRing.of(MasterKey.generate("mk-2025")), DecryptionListener.NONE);

        assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED, () -> impostor.decrypt(apiKeyOfConnA, keyOfA, secret, RUNNER));
    }

    @Test
    void masterKeyMissingFromTheRingIsAnUnknownKeyId() {
        EncryptedSecret secret = envelope.encryptString(apiKeyOfConnA, keyOfA, SECRET);
        EnvelopeEncryption other = new EnvelopeEncryption(MasterKeyRing.of(MasterKey.generate("mk-other")), DecryptionListener.NONE);

        assertFailsWith(CryptoErrorCode.UNKNOWN_KEY_ID, () -> other.decrypt(apiKeyOfConnA, keyOfA, secret, RUNNER));
        assertFailsWith(CryptoErrorCode.UNKNOWN_KEY_ID, () -> other.encryptString(apiKeyOfConnA, keyOfA, SECRET));
    }

    @Test
    void truncatedCiphertextIsRefusedAtEveryLength() {
        EncryptedSecret secret = envelope.encryptString(apiKeyOfConnA, keyOfA, SECRET);
        byte[] full = secret.ciphertextAndTag();
        for (int length = 0; length < full.length; length++) {
            byte[] truncated = Arrays.copyOf(full, length);
            if (length < 16) {
                assertFailsWith(CryptoErrorCode.MALFORMED, () -> new EncryptedSecret(secret.dataKeyId(), secret.nonce(), truncated));
            } else {
                EncryptedSecret shorter = new EncryptedSecret(secret.dataKeyId(), secret.nonce(), truncated);
                assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED, () -> envelope.decrypt(apiKeyOfConnA, keyOfA, shorter, RUNNER));
            }
        }
        String text = secret.toText();
        for (int length = 0; length < text.length(); length++) {
            String truncatedText = text.substring(0, length);
            CryptoAssertions.assertFailsWithOneOf(
                    () -> envelope.decrypt(apiKeyOfConnA, keyOfA, EncryptedSecret.parse(truncatedText), RUNNER),
                    CryptoErrorCode.MALFORMED, CryptoErrorCode.UNKNOWN_KEY_ID, CryptoErrorCode.AUTHENTICATION_FAILED);
        }
    }

    @Test
    void truncatedWrappedKeyIsRefused() {
        String text = keyOfA.toText();
        for (int length = 0; length < text.length(); length++) {
            String truncated = text.substring(0, length);
            assertFailsWith(CryptoErrorCode.MALFORMED, () -> WrappedDataKey.parse(truncated));
        }
    }

    @Test
    void requestedByIsRequired() {
        EncryptedSecret secret = envelope.encryptString(apiKeyOfConnA, keyOfA, SECRET);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> envelope.decrypt(apiKeyOfConnA, keyOfA, secret, ""))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> envelope.decrypt(apiKeyOfConnA, keyOfA, secret, null))
                .isInstanceOf(NullPointerException.class);
    }
}
