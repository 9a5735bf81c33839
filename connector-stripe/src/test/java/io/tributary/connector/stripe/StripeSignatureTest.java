package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Signatures here are computed independently of the code under test, with the JDK's HMAC. */
class StripeSignatureTest {

    private static final String SECRET = "whsec_test_secret_0123456789abcdef";
    private static final String OLD_SECRET = "whsec_old_secret_0123456789abcdef";
    private static final long T = 1_763_900_000L;
    private static final Instant NOW = Instant.ofEpochSecond(T);
    private static final byte[] BODY = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"charge.succeeded\"}".getBytes(StandardCharsets.UTF_8);
    private static final Duration TOLERANCE = Duration.ofSeconds(300);

    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void verify(String header, List<String> secrets, Instant now) {
        StripeSignature.verify(BODY, header, secrets, now, TOLERANCE);
    }

    private static void assertRefused(String header, List<String> secrets, Instant now, StandardErrorCode code) {
        assertThatThrownBy(() -> verify(header, secrets, now)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code.toErrorCode()));
    }

    @Test
    void acceptsAGenuineSignature() {
        assertThatCode(() -> verify("t=" + T + ",v1=" + sign(SECRET, T, BODY), List.of(SECRET), NOW)).doesNotThrowAnyException();
    }

    @Test
    void acceptsAnyOfSeveralSignaturesAndSecretsDuringARotation() {
        String header = "t=" + T + ",v1=" + sign("whsec_unrelated", T, BODY) + ",v1=" + sign(OLD_SECRET, T, BODY);
        assertThatCode(() -> verify(header, List.of(SECRET, OLD_SECRET), NOW)).doesNotThrowAnyException();
        assertRefused(header, List.of(SECRET), NOW, StandardErrorCode.WEBHOOK_SIGNATURE_INVALID);
    }

    @Test
    void onlyV1Counts() {
        assertRefused("t=" + T + ",v0=" + sign(SECRET, T, BODY), List.of(SECRET), NOW, StandardErrorCode.WEBHOOK_SIGNATURE_INVALID);
        assertThatCode(() -> verify("t=" + T + ",v0=deadbeef,v1=" + sign(SECRET, T, BODY), List.of(SECRET), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesATamperedBodyAWrongSecretAndMalformedHeaders() {
        String header = "t=" + T + ",v1=" + sign(SECRET, T, BODY);
        byte[] tampered = BODY.clone();
        tampered[5] ^= 1;
        assertThatThrownBy(() -> StripeSignature.verify(tampered, header, List.of(SECRET), NOW, TOLERANCE))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.WEBHOOK_SIGNATURE_INVALID.toErrorCode()));
        assertRefused(header, List.of("whsec_wrong"), NOW, StandardErrorCode.WEBHOOK_SIGNATURE_INVALID);
        // the signature of another timestamp does not carry over
        assertRefused("t=" + (T + 1) + ",v1=" + sign(SECRET, T, BODY), List.of(SECRET), NOW, StandardErrorCode.WEBHOOK_SIGNATURE_INVALID);
        for (String malformed : List.of("", "v1=" + sign(SECRET, T, BODY), "t=" + T, "t=abc,v1=00", "t=" + T + ",v1=nothex",
                "t=" + T + ",t=" + T + ",v1=" + sign(SECRET, T, BODY), "garbage")) {
            assertRefused(malformed, List.of(SECRET), NOW, StandardErrorCode.WEBHOOK_SIGNATURE_INVALID);
        }
        assertRefused(null, List.of(SECRET), NOW, StandardErrorCode.WEBHOOK_SIGNATURE_INVALID);
    }

    @Test
    void theToleranceHoldsInBothDirectionsUpToItsEdge() {
        String header = "t=" + T + ",v1=" + sign(SECRET, T, BODY);
        assertThatCode(() -> verify(header, List.of(SECRET), NOW.plusSeconds(300))).doesNotThrowAnyException();
        assertThatCode(() -> verify(header, List.of(SECRET), NOW.minusSeconds(300))).doesNotThrowAnyException();
        assertRefused(header, List.of(SECRET), NOW.plusSeconds(301), StandardErrorCode.WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE);
        // a timestamp far in the future is refused too
        assertRefused(header, List.of(SECRET), NOW.minusSeconds(301), StandardErrorCode.WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void aStaleDeliveryWithABadSignatureIsReportedAsABadSignature() {
        assertRefused("t=" + T + ",v1=" + sign("whsec_wrong", T, BODY), List.of(SECRET), NOW.plusSeconds(10_000),
                StandardErrorCode.WEBHOOK_SIGNATURE_INVALID);
    }
}
