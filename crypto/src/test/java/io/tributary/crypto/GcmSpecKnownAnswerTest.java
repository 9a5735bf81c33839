package io.tributary.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bouncycastle.util.encoders.Hex.decode;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AES-256 test cases 13-18 from McGrew and Viega, "The Galois/Counter Mode of Operation (GCM)",
 * written in here so a checkout without the shared vectors folder still checks known answers.
 * Cases 13-16 use 96-bit IVs and also run through our own sealer and storage format; 17 (64-bit IV)
 * and 18 (480-bit IV) run only through the BouncyCastle primitive.
 */
class GcmSpecKnownAnswerTest {

    record SpecCase(int number, String key, String iv, String plaintext, String aad, String ciphertext, String tag) {
        @Override
        public String toString() {
            return "test case " + number;
        }
    }

    private static final String K0 = "0000000000000000000000000000000000000000000000000000000000000000";
    private static final String K = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
    private static final String P64 = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
    private static final String P60 = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
    private static final String A = "feedfacedeadbeeffeedfacedeadbeefabaddad2";

    static final List<SpecCase> CASES = List.of(
            new SpecCase(13, K0, "000000000000000000000000", "", "", "", "530f8afbc74536b9a963b4f1c4cb738b"),
            new SpecCase(14, K0, "000000000000000000000000", "00000000000000000000000000000000", "",
                    "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"),
            new SpecCase(15, K, "cafebabefacedbaddecaf888", P64, "",
                    "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
                    "b094dac5d93471bdec1a502270e3cc6c"),
            new SpecCase(16, K, "cafebabefacedbaddecaf888", P60, A,
                    "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
                    "76fc6ece0f4e1768cddf8853bb2d551b"),
            new SpecCase(17, K, "cafebabefacedbad", P60, A,
                    "c3762df1ca787d32ae47c13bf19844cbaf1ae14d0b976afac52ff7d79bba9de0"
                            + "feb582d33934a4f0954cc2363bc73f7862ac430e64abe499f47c9b1f",
                    "3a337dbf46a792c45e454913fe2ea8f2"),
            new SpecCase(18, K, "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728"
                            + "c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b", P60, A,
                    "5a8def2f0c9e53f1f75d7853659e2a20eeb2b22aafde6419a058ab4f6f746bf4"
                            + "0fc0c3b780f244452da3ebf1c5d82cdea2418997200ef82e44ae7e3f",
                    "a44a8266ee1c8eb0c8b5d4cf5ae9f19a"));

    static Stream<SpecCase> allCases() {
        return CASES.stream();
    }

    static Stream<SpecCase> casesWith96BitIv() {
        return CASES.stream().filter(c -> c.iv().length() == 24);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void bouncyCastlePrimitiveMatchesTheSpecification(SpecCase c) throws Exception {
        byte[] expected = decode(c.ciphertext() + c.tag());

        assertThat(BouncyCastleGcm.encrypt(decode(c.key()), decode(c.iv()), 128, decode(c.aad()), decode(c.plaintext())))
                .isEqualTo(expected);
        assertThat(BouncyCastleGcm.decrypt(decode(c.key()), decode(c.iv()), 128, decode(c.aad()), expected))
                .isEqualTo(decode(c.plaintext()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWith96BitIv")
    void ourSealerMatchesTheSpecification(SpecCase c) {
        byte[] iv = decode(c.iv());
        SecretSealer sealer = new SecretSealer(iv::clone);
        EncryptedSecret expected = new EncryptedSecret("spec", iv, decode(c.ciphertext() + c.tag()));

        try (DataKey key = new DataKey("spec", decode(c.key()))) {
            assertThat(sealer.seal(key, decode(c.aad()), decode(c.plaintext()))).isEqualTo(expected);
            assertThat(sealer.open(key, decode(c.aad()), EncryptedSecret.parse(expected.toText())))
                    .isEqualTo(decode(c.plaintext()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWith96BitIv")
    void ourSealerRefusesTheSpecCiphertextWithAFlippedTagBit(SpecCase c) {
        byte[] ciphertextAndTag = decode(c.ciphertext() + c.tag());
        ciphertextAndTag[ciphertextAndTag.length - 1] ^= 0x01;
        EncryptedSecret tampered = new EncryptedSecret("spec", decode(c.iv()), ciphertextAndTag);

        try (DataKey key = new DataKey("spec", decode(c.key()))) {
            CryptoAssertions.assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED,
                    () -> new SecretSealer(() -> new byte[12]).open(key, decode(c.aad()), tampered));
        }
    }
}
