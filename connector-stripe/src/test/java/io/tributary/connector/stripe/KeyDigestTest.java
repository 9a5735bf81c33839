package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyDigestTest {

    private static final String KEY = "rk_live_51AbCdEfGhIjKlMnOpQrSt";

    @Test
    void oneSaltNamesAKeyTheSameEveryTimeAndTwoKeysApart() {
        KeyDigest digest = KeyDigest.withRandomSalt();

        assertThat(digest.of(KEY)).isEqualTo(digest.of(KEY)).hasSize(64).doesNotContain("AbCd");
        assertThat(digest.of(KEY)).isNotEqualTo(digest.of("rk_live_51AbCdEfGhIjKlMnOpQrSu"));
    }

    @Test
    void theNameMeansNothingUnderAnotherSaltNorIsThePlainHash() throws Exception {
        String plainSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(KEY.getBytes(StandardCharsets.UTF_8)));

        assertThat(KeyDigest.withRandomSalt().of(KEY)).isNotEqualTo(KeyDigest.withRandomSalt().of(KEY)).isNotEqualTo(plainSha256);
    }
}
