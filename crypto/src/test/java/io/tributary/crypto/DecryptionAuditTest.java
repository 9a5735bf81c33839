package io.tributary.crypto;

import static io.tributary.crypto.CryptoAssertions.SECRET;
import static io.tributary.crypto.CryptoAssertions.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every decryption attempt reaches the listener exactly once, with the right names and outcome. */
class DecryptionAuditTest {

    private final List<DecryptionEvent> events = new ArrayList<>();
    private final MasterKey masterKey = MasterKey.generate("mk-1");
    private final EnvelopeEncryption envelope = new EnvelopeEncryption(MasterKeyRing.of(masterKey), events::add);
    private final SecretContext context = new SecretContext("ws-a", "conn-7", "webhookSecret");
    private final WrappedDataKey dataKey = envelope.newDataKey("ws-a");
    private final EncryptedSecret secret = envelope.encryptString(context, dataKey, SECRET);

    @Test
    void creatingKeysEncryptingAndRewrappingAreNotDecryptions() {
        envelope.rewrap("ws-a", dataKey);
        assertThat(events).isEmpty();
    }

    @Test
    void successfulDecryptionIsReportedOnce() {
        envelope.decryptString(context, dataKey, secret, "system:scheduledRunner");

        assertThat(events).containsExactly(new DecryptionEvent(
                "ws-a", "conn-7", "webhookSecret", dataKey.dataKeyId(), "system:scheduledRunner", true, null));
    }

    @Test
    void authenticationFailureIsReportedOnce() {
        SecretContext otherRecord = new SecretContext("ws-a", "conn-8", "webhookSecret");
        assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED, () -> envelope.decrypt(otherRecord, dataKey, secret, "user:42"));

        assertThat(events).containsExactly(new DecryptionEvent(
                "ws-a", "conn-8", "webhookSecret", dataKey.dataKeyId(), "user:42", false, CryptoErrorCode.AUTHENTICATION_FAILED));
    }

    @Test
    void keyFailuresAreReportedWithTheirCode() {
        WrappedDataKey otherKey = envelope.newDataKey("ws-a");
        assertFailsWith(CryptoErrorCode.UNKNOWN_KEY_ID, () -> envelope.decrypt(context, otherKey, secret, "user:42"));

        EnvelopeEncryption withoutTheMasterKey = new EnvelopeEncryption(MasterKeyRing.of(MasterKey.generate("mk-2")), events::add);
        assertFailsWith(CryptoErrorCode.UNKNOWN_KEY_ID, () -> withoutTheMasterKey.decrypt(context, dataKey, secret, "user:43"));

        assertThat(events).extracting(DecryptionEvent::requestedBy, DecryptionEvent::succeeded, DecryptionEvent::failureCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("user:42", false, CryptoErrorCode.UNKNOWN_KEY_ID),
                        org.assertj.core.groups.Tuple.tuple("user:43", false, CryptoErrorCode.UNKNOWN_KEY_ID));
    }

    @Test
    void reencryptionReportsItsOneDecryption() {
        WrappedDataKey newKey = envelope.newDataKey("ws-a");
        envelope.reencrypt(context, dataKey, newKey, secret, "system:keyRotation");

        assertThat(events).containsExactly(new DecryptionEvent(
                "ws-a", "conn-7", "webhookSecret", dataKey.dataKeyId(), "system:keyRotation", true, null));
    }

    @Test
    void eachCallIsReportedSeparately() {
        for (int i = 0; i < 3; i++) {
            envelope.decrypt(context, dataKey, secret, "call-" + i);
        }
        assertThat(events).extracting(DecryptionEvent::requestedBy).containsExactly("call-0", "call-1", "call-2");
    }

    @Test
    void eventsNeverCarrySecretMaterial() {
        envelope.decryptString(context, dataKey, secret, "user:42");
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.toString()).doesNotContain(SECRET).doesNotContain(masterKey.exportBase64());
            assertThat(event.toString()).doesNotContain(secret.toText().substring(secret.toText().lastIndexOf('.') + 1));
        });
    }

    @Test
    void aListenerThatFailsOnSuccessBlocksThePlaintext() {
        RuntimeException auditDown = new IllegalStateException("audit log unavailable");
        EnvelopeEncryption failClosed = new EnvelopeEncryption(MasterKeyRing.of(masterKey), event -> {
            throw auditDown;
        });

        assertThatThrownBy(() -> failClosed.decrypt(context, dataKey, secret, "user:42")).isSameAs(auditDown);
    }

    @Test
    void aListenerThatFailsOnFailureDoesNotHideTheCryptoError() {
        EnvelopeEncryption withBrokenAudit = new EnvelopeEncryption(MasterKeyRing.of(masterKey), event -> {
            throw new IllegalStateException("audit log unavailable");
        });
        SecretContext otherField = new SecretContext("ws-a", "conn-7", "apiKey");

        assertThatThrownBy(() -> withBrokenAudit.decrypt(otherField, dataKey, secret, "user:42"))
                .isInstanceOfSatisfying(CryptoException.class, e -> {
                    assertThat(e.code()).isEqualTo(CryptoErrorCode.AUTHENTICATION_FAILED);
                    assertThat(e.getSuppressed()).singleElement().isInstanceOf(IllegalStateException.class);
                });
    }
}
