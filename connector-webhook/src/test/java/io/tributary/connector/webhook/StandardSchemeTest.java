package io.tributary.connector.webhook;

import static io.tributary.connector.webhook.TestSigning.BODY;
import static io.tributary.connector.webhook.TestSigning.NOW;
import static io.tributary.connector.webhook.TestSigning.request;
import static io.tributary.connector.webhook.TestSigning.standardSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorCode;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardSchemeTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String OLD_SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString("an older key, 32 bytes long!!!!!".getBytes(StandardCharsets.US_ASCII));
    private static final String OTHER_SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString("somebody else's key of 32 bytes!".getBytes(StandardCharsets.US_ASCII));
    private static final long T = NOW.getEpochSecond();

    private final StandardScheme scheme = new StandardScheme(Tolerance.DEFAULT);

    private static Map<String, List<String>> headers(String id, String timestamp, String signature) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (id != null) {
            headers.put("Webhook-Id", List.of(id));
        }
        if (timestamp != null) {
            headers.put("Webhook-Timestamp", List.of(timestamp));
        }
        if (signature != null) {
            headers.put("Webhook-Signature", List.of(signature));
        }
        return headers;
    }

    private static WebhookRequest signed(long t, String signingSecret, String... accepted) {
        return request(BODY, headers("msg_1", Long.toString(t), standardSignature(signingSecret, "msg_1", t, BODY)), accepted);
    }

    private void verify(WebhookRequest request) {
        scheme.verify(request, request.body(), NOW);
    }

    private void refused(WebhookRequest request, ErrorCode code) {
        assertThatThrownBy(() -> verify(request)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    @Test
    void acceptsTheSpecificationsPublishedExample() {
        // The example of the Standard Webhooks specification and its reference libraries.
        String body = "{\"test\": 2432232314}";
        WebhookRequest request = request(body, headers("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="), SECRET);
        assertThatCode(() -> scheme.verify(request, request.body(), Instant.ofEpochSecond(1614265330))).doesNotThrowAnyException();
        assertThat(scheme.deliveryId(request, null)).isEqualTo("msg_p5jXN8AQM9LWM0D4loKWxJek");
    }

    @Test
    void acceptsASignedDeliveryAmongOtherEntries() {
        String signature = "v1a,c29tZXRoaW5nIGVsc2U= v1,AAAA " + standardSignature(SECRET, "msg_1", T, BODY);
        assertThatCode(() -> verify(request(BODY, headers("msg_1", Long.toString(T), signature), SECRET))).doesNotThrowAnyException();
    }

    @Test
    void acceptsTheOldAndTheNewSecretDuringARotationButNoThird() {
        assertThatCode(() -> verify(signed(T, SECRET, SECRET, OLD_SECRET))).doesNotThrowAnyException();
        assertThatCode(() -> verify(signed(T, OLD_SECRET, SECRET, OLD_SECRET))).doesNotThrowAnyException();
        refused(signed(T, OTHER_SECRET, SECRET, OLD_SECRET), StandardErrorCode.WEBHOOK_SIGNATURE_INVALID.toErrorCode());
    }

    @Test
    void acceptsExactlyTheToleranceEitherWayAndRefusesOneSecondMore() {
        assertThatCode(() -> verify(signed(T - 300, SECRET, SECRET))).doesNotThrowAnyException();
        assertThatCode(() -> verify(signed(T + 300, SECRET, SECRET))).doesNotThrowAnyException();
        refused(signed(T - 301, SECRET, SECRET), StandardErrorCode.WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE.toErrorCode());
        refused(signed(T + 301, SECRET, SECRET), StandardErrorCode.WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE.toErrorCode());
    }

    @Test
    void refusesAForgedStaleDeliveryAsABadSignatureNotAsStale() {
        // The signature is checked first: a forger learns nothing about the tolerance.
        refused(signed(T - 10_000, OTHER_SECRET, SECRET), StandardErrorCode.WEBHOOK_SIGNATURE_INVALID.toErrorCode());
    }

    @Test
    void refusesATamperedBodyIdOrTimestamp() {
        String signature = standardSignature(SECRET, "msg_1", T, BODY);
        ErrorCode invalid = StandardErrorCode.WEBHOOK_SIGNATURE_INVALID.toErrorCode();
        refused(request(BODY.replace("1", "2"), headers("msg_1", Long.toString(T), signature), SECRET), invalid);
        refused(request(BODY, headers("msg_2", Long.toString(T), signature), SECRET), invalid);
        refused(request(BODY, headers("msg_1", Long.toString(T - 1), signature), SECRET), invalid);
    }

    @Test
    void refusesASignatureDifferingInItsFirstOrLastByteOnly() {
        byte[] good = java.util.Base64.getDecoder().decode(standardSignature(SECRET, "msg_1", T, BODY).substring(3));
        for (int index : new int[] {0, good.length - 1}) {
            byte[] bad = good.clone();
            bad[index] ^= 1;
            String signature = "v1," + java.util.Base64.getEncoder().encodeToString(bad);
            refused(request(BODY, headers("msg_1", Long.toString(T), signature), SECRET),
                    StandardErrorCode.WEBHOOK_SIGNATURE_INVALID.toErrorCode());
        }
    }

    @Test
    void refusesOnlyUnknownVersionsAsABadSignature() {
        refused(request(BODY, headers("msg_1", Long.toString(T), "v1a,c29tZXRoaW5n"), SECRET),
                StandardErrorCode.WEBHOOK_SIGNATURE_INVALID.toErrorCode());
    }

    @Test
    void refusesMissingHeaders() {
        String signature = standardSignature(SECRET, "msg_1", T, BODY);
        refused(request(BODY, headers(null, Long.toString(T), signature), SECRET), WebhookErrorCodes.HEADER_MISSING);
        refused(request(BODY, headers("msg_1", null, signature), SECRET), WebhookErrorCodes.HEADER_MISSING);
        refused(request(BODY, headers("msg_1", Long.toString(T), null), SECRET), WebhookErrorCodes.HEADER_MISSING);
        refused(request(BODY, headers("msg_1", Long.toString(T), " "), SECRET), WebhookErrorCodes.HEADER_MISSING);
    }

    @Test
    void refusesMalformedHeaders() {
        String signature = standardSignature(SECRET, "msg_1", T, BODY);
        for (String timestamp : List.of("soon", "-5", "+1700000000", "1700000000.5")) {
            refused(request(BODY, headers("msg_1", timestamp, signature), SECRET), WebhookErrorCodes.HEADER_MALFORMED);
        }
        for (String bad : List.of("v1", "v1,", ",abc", "v1,not*base64!")) {
            refused(request(BODY, headers("msg_1", Long.toString(T), bad), SECRET), WebhookErrorCodes.HEADER_MALFORMED);
        }
    }

    @Test
    void refusesWhenNoSecretIsBase64AfterWhsecAndSkipsOneThatIsNot() {
        refused(signed(T, SECRET, "whsec_not*base64!"), WebhookErrorCodes.SECRET_MALFORMED);
        refused(signed(T, SECRET, "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), WebhookErrorCodes.SECRET_MALFORMED);
        assertThatCode(() -> verify(signed(T, SECRET, "whsec_not*base64!", SECRET))).doesNotThrowAnyException();
        assertThat(scheme.acceptsSecret(SECRET)).isTrue();
        assertThat(scheme.acceptsSecret("whsec_not*base64!")).isFalse();
        assertThat(scheme.acceptsSecret("whsec_")).isFalse();
    }

    @Test
    void neverPutsTheSecretOrTheSignatureInAMessage() {
        String wrong = "whsec_" + "x".repeat(10) + "!";
        assertThatThrownBy(() -> verify(signed(T, SECRET, wrong)))
                .hasMessageNotContaining("x".repeat(10));
        String signature = standardSignature(OTHER_SECRET, "msg_1", T, BODY);
        assertThatThrownBy(() -> verify(request(BODY, headers("msg_1", Long.toString(T), signature), SECRET)))
                .hasMessageNotContaining(signature.substring(3)).hasMessageNotContaining("MfKQ9r8");
    }
}
