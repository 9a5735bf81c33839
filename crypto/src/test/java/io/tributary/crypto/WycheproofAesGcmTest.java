package io.tributary.crypto;

import static io.tributary.crypto.CryptoAssertions.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bouncycastle.util.encoders.Hex.decode;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs Project Wycheproof's AES-GCM vectors, read from {@code shared/} beside the project root (never
 * copied into the project). Every vector runs through the BouncyCastle primitive; those matching our
 * parameters (256-bit key, 96-bit nonce, 128-bit tag) also run through our own sealer and storage
 * format via the {@link SecretSealer} test seam. Without the file these tests are reported as skipped
 * with the expected path; the built-in known answers in {@link GcmSpecKnownAnswerTest} still run.
 */
class WycheproofAesGcmTest {

    static final String VECTORS = "shared/test-vectors/wycheproof/aes_gcm_test.json";
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
        if (locateVectors().isEmpty()) {
            return vectorsAbsent();
        }
        return loadCases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> checkWithBouncyCastle(c)));
    }

    @TestFactory
    Stream<DynamicTest> matchingVectorsThroughOurSealer() {
        if (locateVectors().isEmpty()) {
            return vectorsAbsent();
        }
        List<Case> matching = loadCases().stream().filter(Case::matchesOurParameters).toList();
        assertThat(matching).as("vectors with our parameters").isNotEmpty();
        return matching.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> checkWithOurSealer(c)));
    }

    /** One skipped test carrying the reason, so a run without the vectors shows it in its skipped count. */
    private static Stream<DynamicTest> vectorsAbsent() {
        return Stream.of(DynamicTest.dynamicTest("Wycheproof vectors absent", () -> Assumptions.abort(absentMessage())));
    }

    private static String absentMessage() {
        return "Wycheproof AES-GCM vectors not found, so they were NOT run: expected "
                + "<project root>/../" + VECTORS + " (searched for " + VECTORS + " in "
                + Path.of("").toAbsolutePath() + " and every parent directory). The built-in GCM spec known answers (GcmSpecKnownAnswerTest) do not need it.";
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
        Optional<Path> file = locateVectors();
        VectorFile vectors = read(file.orElseThrow(() -> new IllegalStateException(absentMessage())));
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

    /** Walks up from the working directory (surefire's is the module) to the folder holding {@code shared/}. */
    static Optional<Path> locateVectors() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(VECTORS);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static VectorFile read(Path file) {
        try {
            return new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(file.toFile(), VectorFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
