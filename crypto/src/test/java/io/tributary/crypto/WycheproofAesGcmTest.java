package io.tributary.crypto;

import static io.tributary.crypto.CryptoAssertions.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bouncycastle.util.encoders.Hex.decode;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs Project Wycheproof's AES-GCM vectors (C2SP/wycheproof, {@code testvectors_v1/aes_gcm_test.json}),
 * kept in this module's test resources with their license so they run from any fresh clone. Every vector
 * runs through the BouncyCastle primitive; those matching our parameters (256-bit key, 96-bit nonce,
 * 128-bit tag) also run through our own sealer and storage format via the {@link SecretSealer} test seam.
 * A missing or unreadable file fails these tests: a security check must never quietly not run.
 */
class WycheproofAesGcmTest {

    /** A class-path resource: src/test/resources/wycheproof, beside its LICENSE and NOTICE. */
    static final String VECTORS = "/wycheproof/aes_gcm_test.json";
    private static final int EXPECTED_TEST_COUNT = 316;

    record VectorFile(String algorithm, int numberOfTests, List<Group> testGroups) {
    }

    record Group(int keySize, int ivSize, int tagSize, List<Vector> tests) {
    }

    record Vector(int tcId, String comment, List<String> flags, String key, String iv, String aad,
                  String msg, String ct, String tag, String result) {
    }

    /** A vector with its group's sizes, named for the test report. */
    record Case(Group group, Vector vector) {
        boolean valid() {
            return switch (vector.result()) {
                case "valid" -> true;
                case "invalid" -> false;
                default -> throw new IllegalStateException("unexpected result " + vector.result());
            };
        }

        boolean matchesOurParameters() {
            return group.keySize() == 256 && group.ivSize() == 96 && group.tagSize() == 128;
        }

        String name() {
            return "tcId " + vector.tcId() + " (" + vector.result() + ", key " + group.keySize() + ", iv " + group.ivSize()
                    + ", tag " + group.tagSize() + ") " + vector.flags();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyVectorThroughBouncyCastleGcm() {
        return loadCases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> checkWithBouncyCastle(c)));
    }

    @TestFactory
    Stream<DynamicTest> matchingVectorsThroughOurSealer() {
        List<Case> matching = loadCases().stream().filter(Case::matchesOurParameters).toList();
        assertThat(matching).as("vectors with our parameters").isNotEmpty();
        return matching.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> checkWithOurSealer(c)));
    }

    @Test
    void theVectorsAreOnTheClassPathAndAMissingFileFailsInsteadOfSkipping() {
        assertThat(WycheproofAesGcmTest.class.getResource(VECTORS)).as("vectors in the test resources").isNotNull();
        assertThat(WycheproofAesGcmTest.class.getResource("/wycheproof/LICENSE")).as("their license beside them").isNotNull();
        assertThat(WycheproofAesGcmTest.class.getResource("/wycheproof/NOTICE")).as("their notice beside them").isNotNull();
        assertThatThrownBy(() -> read("/wycheproof/absent.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing from the test class path")
                .hasMessageContaining("/wycheproof/absent.json");
    }

    private static void checkWithBouncyCastle(Case c) throws InvalidCipherTextException {
        Vector v = c.vector();
        byte[] key = decode(v.key());
        byte[] iv = decode(v.iv());
        byte[] aad = decode(v.aad());
        byte[] ciphertextAndTag = concat(decode(v.ct()), decode(v.tag()));
        int tagBits = c.group().tagSize();

        if (c.valid()) {
            assertThat(BouncyCastleGcm.decrypt(key, iv, tagBits, aad, ciphertextAndTag)).isEqualTo(decode(v.msg()));
            assertThat(BouncyCastleGcm.encrypt(key, iv, tagBits, aad, decode(v.msg()))).isEqualTo(ciphertextAndTag);
        } else if (iv.length == 0) {
            // BouncyCastle refuses an empty nonce when the cipher is initialised: that is a refusal.
            assertThatThrownBy(() -> BouncyCastleGcm.decrypt(key, iv, tagBits, aad, ciphertextAndTag))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> BouncyCastleGcm.encrypt(key, iv, tagBits, aad, decode(v.msg())))
                    .isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThatThrownBy(() -> BouncyCastleGcm.decrypt(key, iv, tagBits, aad, ciphertextAndTag))
                    .isInstanceOf(InvalidCipherTextException.class);
            assertThat(BouncyCastleGcm.encrypt(key, iv, tagBits, aad, decode(v.msg()))).isNotEqualTo(ciphertextAndTag);
        }
    }

    private static void checkWithOurSealer(Case c) {
        Vector v = c.vector();
        byte[] iv = decode(v.iv());
        byte[] aad = decode(v.aad());
        // Through the storage format too: the vector's nonce || ct || tag as a stored text value.
        EncryptedSecret stored = EncryptedSecret.parse(
                "v1.wycheproof." + Base64Url.encode(concat(iv, concat(decode(v.ct()), decode(v.tag())))));
        SecretSealer sealer = new SecretSealer(iv::clone);

        try (DataKey key = new DataKey("wycheproof", decode(v.key()))) {
            if (c.valid()) {
                assertThat(sealer.open(key, aad, stored)).isEqualTo(decode(v.msg()));
                assertThat(sealer.seal(key, aad, decode(v.msg())).toText()).isEqualTo(stored.toText());
            } else {
                CryptoAssertions.assertFailsWith(CryptoErrorCode.AUTHENTICATION_FAILED, () -> sealer.open(key, aad, stored));
            }
        }
    }

    private static List<Case> loadCases() {
        VectorFile vectors = read(VECTORS);
        List<Case> cases = new ArrayList<>();
        for (Group group : vectors.testGroups()) {
            for (Vector vector : group.tests()) {
                cases.add(new Case(group, vector));
            }
        }
        assertThat(vectors.algorithm()).isEqualTo("AES-GCM");
        assertThat(vectors.numberOfTests()).isEqualTo(EXPECTED_TEST_COUNT);
        assertThat(cases).hasSize(EXPECTED_TEST_COUNT);
        return cases;
    }

    /** Reads the vectors from the class path; a missing resource is an error, never a skip. */
    static VectorFile read(String resource) {
        try (InputStream in = WycheproofAesGcmTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Wycheproof AES-GCM vectors missing from the test class path: expected "
                        + "resource " + resource + " (crypto/src/test/resources" + resource + ")");
            }
            return new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, VectorFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read Wycheproof vectors " + resource, e);
        }
    }
}
