package io.tributary.crypto;

import static io.tributary.crypto.CryptoAssertions.SECRET;
import static io.tributary.crypto.CryptoAssertions.assertFailsWith;
import static io.tributary.crypto.CryptoAssertions.assertFailsWithOneOf;

import org.junit.jupiter.api.Test;

/**
 * Every single-bit change to a stored secret or wrapped key, in its bytes or in its text form, must
 * be refused with a typed error, never turned into plaintext.
 */
class TamperingTest {

    private static final String RUNNER = "system:scheduledRunner";

    private final EnvelopeEncryption envelope =
            new EnvelopeEncryption(MasterKeyRing.of(MasterKey.generate("mk-1")), DecryptionListener.NONE);
    private final SecretContext context = new SecretContext("ws-a", "conn-1", "webhookSecret");
    private final WrappedDataKey dataKey = envelope.newDataKey("ws-a");
    private final EncryptedSecret secret = envelope.encryptString(context, dataKey, SECRET);

    @Test
    void everyBitOfTheSecretsNonceCiphertextAndTagIsAuthenticated() {
        byte[] nonce = secret.nonce();
        for (int i = 0; i < nonce.length * 8; i++) {
            byte[] tampered = flipBit(nonce, i);
            EncryptedSecret modified = new EncryptedSecret(secret.dataKeyId(), tampered, secret.ciphertextAndTag());
            assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED, () -> envelope.decrypt(context, dataKey, modified, RUNNER));
        }
        byte[] body = secret.ciphertextAndTag();
        for (int i = 0; i < body.length * 8; i++) {
            byte[] tampered = flipBit(body, i);
            EncryptedSecret modified = new EncryptedSecret(secret.dataKeyId(), secret.nonce(), tampered);
            assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED, () -> envelope.decrypt(context, dataKey, modified, RUNNER));
        }
    }

    @Test
    void everyBitOfTheWrappedKeysNonceEncryptedKeyAndTagIsAuthenticated() {
        byte[] nonce = dataKey.nonce();
        for (int i = 0; i < nonce.length * 8; i++) {
            WrappedDataKey modified = new WrappedDataKey(dataKey.masterKeyId(), dataKey.dataKeyId(), flipBit(nonce, i),
                    dataKey.encryptedKeyAndTag());
            assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED, () -> envelope.decrypt(context, modified, secret, RUNNER));
        }
        byte[] body = dataKey.encryptedKeyAndTag();
        for (int i = 0; i < body.length * 8; i++) {
            WrappedDataKey modified = new WrappedDataKey(dataKey.masterKeyId(), dataKey.dataKeyId(), dataKey.nonce(),
                    flipBit(body, i));
            assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED, () -> envelope.decrypt(context, modified, secret, RUNNER));
        }
    }

    @Test
    void everyCharacterOfTheStoredSecretTextIsProtected() {
        String text = secret.toText();
        int payloadStart = text.lastIndexOf('.') + 1;
        for (int position = 0; position < text.length(); position++) {
            String tampered = flipLowBit(text, position);
            CryptoErrorCode[] allowed = position < 2
                    ? new CryptoErrorCode[] {CryptoErrorCode.MALFORMED, CryptoErrorCode.UNSUPPORTED_VERSION}
                    : position < payloadStart
                    ? new CryptoErrorCode[] {CryptoErrorCode.MALFORMED, CryptoErrorCode.UNKNOWN_KEY_ID}
                    : new CryptoErrorCode[] {CryptoErrorCode.MALFORMED, CryptoErrorCode.AUTHENTICATION_FAILED};
            assertFailsWithOneOf(() -> envelope.decrypt(context, dataKey, EncryptedSecret.parse(tampered), RUNNER), allowed);
        }
    }

    @Test
    void everyCharacterOfTheStoredWrappedKeyTextIsProtected() {
        String text = dataKey.toText();
        int dataKeyIdStart = text.indexOf('.', 3) + 1;
        int payloadStart = text.lastIndexOf('.') + 1;
        for (int position = 0; position < text.length(); position++) {
            String tampered = flipLowBit(text, position);
            CryptoErrorCode[] allowed = position < 2
                    ? new CryptoErrorCode[] {CryptoErrorCode.MALFORMED, CryptoErrorCode.UNSUPPORTED_VERSION}
                    : position < dataKeyIdStart
                    // a changed master key id: not in the ring
                    ? new CryptoErrorCode[] {CryptoErrorCode.MALFORMED, CryptoErrorCode.UNKNOWN_KEY_ID}
                    : position < payloadStart
                    // a changed data key id: no longer the key the secret names
                    ? new CryptoErrorCode[] {CryptoErrorCode.MALFORMED, CryptoErrorCode.UNKNOWN_KEY_ID}
                    : new CryptoErrorCode[] {CryptoErrorCode.MALFORMED, CryptoErrorCode.AUTHENTICATION_FAILED};
            assertFailsWithOneOf(() -> envelope.decrypt(context, WrappedDataKey.parse(tampered), secret, RUNNER), allowed);
        }
    }

    @Test
    void aRelabelledDataKeyIdFailsAuthenticationNotJustTheIdCheck() {
        // Change the data key id in both the wrapped key and the secret so the id check passes:
        // the id is inside both associated data, so both tags fail.
        WrappedDataKey relabelledKey = new WrappedDataKey(dataKey.masterKeyId(), "dk-forged", dataKey.nonce(), dataKey.encryptedKeyAndTag());
        EncryptedSecret relabelledSecret = new EncryptedSecret("dk-forged", secret.nonce(), secret.ciphertextAndTag());
        assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED, () -> envelope.decrypt(context, relabelledKey, relabelledSecret, RUNNER));
    }

    private static byte[] flipBit(byte[] original, int bitIndex) {
        byte[] copy = original.clone();
        copy[bitIndex / 8] ^= (byte) (1 << (bitIndex % 8));
        return copy;
    }

    private static String flipLowBit(String text, int position) {
        char[] chars = text.toCharArray();
        chars[position] ^= 1;
        return new String(chars);
    }
}
