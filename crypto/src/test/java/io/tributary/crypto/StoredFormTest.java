package io.tributary.crypto;

import static io.tributary.crypto.CryptoAssertions.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact text layouts stored in the database, and typed errors for anything else. */
class StoredFormTest {

    private static final byte[] NONCE = filled(12, 0x01);

    @Test
    void encryptedSecretLayoutIsVersionKeyIdAndNonceCiphertextTag() {
        EncryptedSecret secret = new EncryptedSecret("dk-1", NONCE, filled(19, 0x02));

        // v1.<dataKeyId>.<base64url(12-byte nonce || ciphertext || 16-byte tag)>, unpadded
        assertThat(secret.toText()).isEqualTo("v1.dk-1.AQEBAQEBAQEBAQEBAgICAgICAgICAgICAgICAgICAg");
        assertThat(EncryptedSecret.parse(secret.toText())).isEqualTo(secret);
    }

    @Test
    void wrappedDataKeyLayoutIsVersionMasterKeyIdDataKeyIdAndNonceKeyTag() {
        WrappedDataKey key = new WrappedDataKey("mk-2025", "dk-1", NONCE, filled(48, 0xff));
        String text = key.toText();

        // v1.<masterKeyId>.<dataKeyId>.<base64url(12-byte nonce || 32-byte encrypted key || 16-byte tag)>
        assertThat(text).startsWith("v1.mk-2025.dk-1.AQEBAQEBAQEBAQEB____");
        assertThat(text.substring("v1.mk-2025.dk-1.".length())).hasSize(80);
        assertThat(WrappedDataKey.parse(text)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2.dk-1.AAAA", "v0.dk-1.AAAA", "v10.anything.at.all.here", "v2"})
    void unknownVersionsAreUnsupported(String text) {
        assertFailsWith(CryptoErrorCode.UNSUPPORTED_VERSION, () -> EncryptedSecret.parse(text));
        assertFailsWith(CryptoErrorCode.UNSUPPORTED_VERSION, () -> WrappedDataKey.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "v1", "v1.", "1.dk-1.AQEBAQEBAQEBAQEBAgICAgICAgICAgICAgICAg", "V1.dk-1.AQEBAQEBAQEBAQEBAgICAgICAgICAgICAgICAg",
        "v1.dk-1", "v1..AQEBAQEBAQEBAQEBAgICAgICAgICAgICAgICAg", "v1.dk 1.AQEBAQEBAQEBAQEBAgICAgICAgICAgICAgICAg",
        "v1.dk-1.AQEBAQEBAQEBAQEBAgICAgICAgICAgICAgICAg.extra",
        "v1.dk-1.AQEBAQEBAQEBAQEBAgICAgICAgICAgICAgICAg==",   // padding is not canonical
        "v1.dk-1.AQEBAQEBAQEBAQEBAgICAgICAgICAgICAgICAh",     // stray low bits in the last character
        "v1.dk-1.AQEBAQEBAQEBAQEBAgICAgICAgICAgICAgICA+",     // standard, not url-safe, alphabet
        "v1.dk-1.AQEBAQEBAQEBAQEBAgICAgICAgICAgICAgIC",       // one byte short of nonce + tag
        " v1.dk-1.AQEBAQEBAQEBAQEBAgICAgICAgICAgICAgICAg"})
    void malformedSecretsAreRefused(String text) {
        assertFailsWith(CryptoErrorCode.MALFORMED, () -> EncryptedSecret.parse(text));
    }

    @Test
    void theTwoFormsCannotBeMistakenForEachOther() {
        String secretText = new EncryptedSecret("dk-1", NONCE, filled(48, 0x02)).toText();
        String keyText = new WrappedDataKey("mk-1", "dk-1", NONCE, filled(48, 0x02)).toText();

        assertFailsWith(CryptoErrorCode.MALFORMED, () -> WrappedDataKey.parse(secretText));
        assertFailsWith(CryptoErrorCode.MALFORMED, () -> EncryptedSecret.parse(keyText));
    }

    @Test
    void wrongLengthsAreMalformed() {
        assertFailsWith(CryptoErrorCode.MALFORMED, () -> new EncryptedSecret("dk-1", new byte[11], filled(16, 0)));
        assertFailsWith(CryptoErrorCode.MALFORMED, () -> new EncryptedSecret("dk-1", NONCE, new byte[15]));
        assertFailsWith(CryptoErrorCode.MALFORMED, () -> new WrappedDataKey("mk", "dk-1", NONCE, new byte[47]));
        assertFailsWith(CryptoErrorCode.MALFORMED, () -> new WrappedDataKey("mk", "dk-1", new byte[13], new byte[48]));
        assertFailsWith(CryptoErrorCode.MALFORMED,
                () -> WrappedDataKey.parse("v1.mk.dk-1." + Base64Url.encode(new byte[61])));
    }

    @Test
    void recordsCopyTheirArraysAndCompareByContent() {
        byte[] nonce = NONCE.clone();
        byte[] body = filled(20, 0x05);
        EncryptedSecret secret = new EncryptedSecret("dk-1", nonce, body);

        nonce[0] = 9;
        body[0] = 9;
        secret.nonce()[1] = 9;
        secret.ciphertextAndTag()[1] = 9;

        assertThat(secret).isEqualTo(new EncryptedSecret("dk-1", NONCE, filled(20, 0x05)))
                .hasSameHashCodeAs(new EncryptedSecret("dk-1", NONCE, filled(20, 0x05)));
        assertThat(secret.toString()).isEqualTo("EncryptedSecret[dataKeyId=dk-1, ciphertextBytes=4]");

        WrappedDataKey key = new WrappedDataKey("mk", "dk-1", NONCE, filled(48, 0x07));
        key.encryptedKeyAndTag()[0] = 0;
        assertThat(key).isEqualTo(new WrappedDataKey("mk", "dk-1", NONCE, filled(48, 0x07)));
        assertThat(key.toString()).isEqualTo("WrappedDataKey[masterKeyId=mk, dataKeyId=dk-1]");
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
