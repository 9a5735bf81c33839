package io.tributary.crypto;

import static io.tributary.crypto.CryptoAssertions.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** Parsing master keys from configuration, keeping them out of logs, and deriving subkeys. */
class MasterKeyTest {

    private static final byte[] KEY_0_TO_31 = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            KEY_0_TO_31[i] = (byte) i;
        }
    }

    private static final String KEY_0_TO_31_BASE64 = Base64.getEncoder().encodeToString(KEY_0_TO_31);

    @Test
    void parsesBase64FromConfigurationIgnoringSurroundingWhitespace() {
        MasterKey key = MasterKey.fromBase64("mk-2025", "  " + KEY_0_TO_31_BASE64 + "\n");
        assertThat(key.keyId()).isEqualTo("mk-2025");
        assertThat(key.exportBase64()).isEqualTo(KEY_0_TO_31_BASE64);
        assertThat(key).isEqualTo(MasterKey.fromBase64("mk-2025", KEY_0_TO_31_BASE64));
    }

    @Test
    void rejectsUnusableKeysWithoutEchoingThem() {
        String notBase64 = "this is not base64 at all!";
        assertThatThrownBy(() -> MasterKey.fromBase64("mk", notBase64))
                .isInstanceOfSatisfying(CryptoException.class, e -> {
                    assertThat(e.code()).isEqualTo(CryptoErrorCode.INVALID_KEY);
                    assertThat(e.getMessage()).doesNotContain(notBase64).doesNotContain("this is");
                    assertThat(e.getCause()).isNull();
                });
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertFailsWith(CryptoErrorCode.INVALID_KEY, () -> MasterKey.fromBase64("mk", shortKey));
        assertFailsWith(CryptoErrorCode.INVALID_KEY, () -> MasterKey.fromBase64("mk", Base64.getEncoder().encodeToString(new byte[33])));
        assertFailsWith(CryptoErrorCode.INVALID_KEY, () -> MasterKey.fromBase64("mk", null));
        assertFailsWith(CryptoErrorCode.INVALID_KEY, () -> MasterKey.fromBase64("mk", ""));
    }

    @Test
    void rejectsKeyIdsThatCouldBreakTheStoredForms() {
        for (String badId : new String[] {"", "mk.1", "mk 1", "mk/1", "x".repeat(65), null}) {
            assertFailsWith(CryptoErrorCode.INVALID_KEY, () -> MasterKey.fromBase64(badId, KEY_0_TO_31_BASE64));
        }
        assertThat(MasterKey.fromBase64("x".repeat(64), KEY_0_TO_31_BASE64).keyId()).hasSize(64);
    }

    @Test
    void generateGivesDistinctKeysThatRoundTripThroughTheirExport() {
        MasterKey first = MasterKey.generate("dev");
        MasterKey second = MasterKey.generate("dev");

        assertThat(first).isNotEqualTo(second);
        assertThat(Base64.getDecoder().decode(first.exportBase64())).hasSize(32);
        assertThat(MasterKey.fromBase64("dev", first.exportBase64())).isEqualTo(first).hasSameHashCodeAs(first);
    }

    @Test
    void toStringNeverRevealsKeyBytes() {
        MasterKey key = MasterKey.fromBase64("mk-2025", KEY_0_TO_31_BASE64);
        assertThat(key.toString())
                .isEqualTo("MasterKey[keyId=mk-2025, key=<redacted>]")
                .doesNotContain(KEY_0_TO_31_BASE64);
        assertThat(MasterKeyRing.of(key, MasterKey.generate("mk-2024")).toString())
                .isEqualTo("MasterKeyRing[current=mk-2025, keyIds=[mk-2025, mk-2024]]");
        try (DataKey dataKey = new DataKey("dk-1", KEY_0_TO_31.clone())) {
            assertThat(dataKey.toString()).isEqualTo("DataKey[id=dk-1, key=<redacted>]");
        }
    }

    @Test
    void keysWithTheSameIdButDifferentBytesAreNotEqual() {
        assertThat(MasterKey.fromBase64("mk", KEY_0_TO_31_BASE64))
                .isNotEqualTo(MasterKey.fromBase64("mk", Base64.getEncoder().encodeToString(new byte[32])))
                .isNotEqualTo(MasterKey.fromBase64("other", KEY_0_TO_31_BASE64));
    }

    @Test
    void deriveKeyIsHkdfSha256WithTheDocumentedSaltAndLabel() throws Exception {
        MasterKey key = MasterKey.fromBase64("mk", KEY_0_TO_31_BASE64);
        byte[] derived = key.deriveKey("tributary/audit-seal/v1");

        // Pinned: the audit log's seals depend on these exact bytes never changing.
        assertThat(Hex.toHexString(derived)).isEqualTo("794f2e50a79875b45428e5d43e1efc6e1efc7609da6f19faaae9be11072a0034");
        // And independently recomputed with the JDK's HMAC, following RFC 5869.
        assertThat(derived).isEqualTo(rfc5869(KEY_0_TO_31,
                "tributary/master-key-derivation/v1".getBytes(StandardCharsets.UTF_8),
                "tributary/audit-seal/v1".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void deriveKeyIsDeterministicPerLabelAndMasterKey() {
        MasterKey key = MasterKey.generate("mk");
        assertThat(key.deriveKey("tributary/audit-seal/v1")).hasSize(32)
                .isEqualTo(key.deriveKey("tributary/audit-seal/v1"))
                .isEqualTo(MasterKey.fromBase64("mk", key.exportBase64()).deriveKey("tributary/audit-seal/v1"))
                .isNotEqualTo(key.deriveKey("tributary/audit-seal/v2"))
                .isNotEqualTo(MasterKey.generate("mk").deriveKey("tributary/audit-seal/v1"));
        assertThatThrownBy(() -> key.deriveKey(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ringFindsCurrentAndRetiredKeysById() {
        MasterKey current = MasterKey.generate("mk-2025");
        MasterKey retired = MasterKey.generate("mk-2024");
        MasterKeyRing ring = MasterKeyRing.of(current, retired);

        assertThat(ring.current()).isSameAs(current);
        assertThat(ring.get("mk-2024")).isSameAs(retired);
        assertThat(ring.keyIds()).containsExactly("mk-2025", "mk-2024");
        assertFailsWith(CryptoErrorCode.UNKNOWN_KEY_ID, () -> ring.get("mk-2023"));
        assertFailsWith(CryptoErrorCode.INVALID_KEY, () -> MasterKeyRing.of(current, MasterKey.generate("mk-2025")));
    }

    /** HKDF-SHA256 (RFC 5869) on the JDK's HMAC, independent of BouncyCastle, for 32 bytes of output. */
    private static byte[] rfc5869(byte[] ikm, byte[] salt, byte[] info) throws Exception {
        Mac extract = Mac.getInstance("HmacSHA256");
        extract.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = extract.doFinal(ikm);
        Mac expand = Mac.getInstance("HmacSHA256");
        expand.init(new SecretKeySpec(prk, "HmacSHA256"));
        expand.update(info);
        expand.update((byte) 1);
        return expand.doFinal();
    }
}
