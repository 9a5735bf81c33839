package io.tributary.connector.webhook;

import static io.tributary.connector.webhook.TestSigning.BODY;
import static io.tributary.connector.webhook.TestSigning.NOW;
import static io.tributary.connector.webhook.TestSigning.request;
import static io.tributary.connector.webhook.TestSigning.stripeHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorCode;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.WebhookRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeSchemeTest {

    private static final String SECRET = "whsec_newsecretnewsecret1234";
    private static final String OLD_SECRET = "whsec_oldsecretoldsecret1234";
    private static final String OTHER_SECRET = "whsec_othersecretother123456";
    private static final long T = NOW.getEpochSecond();
    private static final ErrorCode INVALID = StandardErrorCode.WEBHOOK_SIGNATURE_INVALID.toErrorCode();
    private static final ErrorCode STALE = StandardErrorCode.WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE.toErrorCode();

    private final StripeScheme scheme = new StripeScheme(Tolerance.DEFAULT);

    private static WebhookRequest withHeader(String header, String... secrets) {
        return request(BODY, header == null ? Map.of() : Map.of("stripe-signature", List.of(header)), secrets);
    }

    private void verify(WebhookRequest request) {
        scheme.verify(request, request.body(), NOW);
    }

    private void refused(WebhookRequest request, ErrorCode code) {
        assertThatThrownBy(() -> verify(request)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    @Test
    void acceptsASignedDeliveryAndTakesItsIdFromTheBody() throws Exception {
        WebhookRequest request = withHeader(stripeHeader(SECRET, T, BODY) + ",v0=abcdef", SECRET);
        assertThatCode(() -> verify(request)).doesNotThrowAnyException();
        assertThat(scheme.deliveryId(request, new ObjectMapper().readTree(BODY))).isEqualTo("evt_123");
    }

    @Test
    void acceptsAnyOfSeveralV1Signatures() {
        String header = "t=" + T + ",v1=" + "00".repeat(32) + "," + stripeHeader(SECRET, T, BODY).substring(("t=" + T + ",").length());
        assertThatCode(() -> verify(withHeader(header, SECRET))).doesNotThrowAnyException();
    }

    @Test
    void acceptsTheOldAndTheNewSecretDuringARotationButNoThird() {
        assertThatCode(() -> verify(withHeader(stripeHeader(SECRET, T, BODY), SECRET, OLD_SECRET))).doesNotThrowAnyException();
        assertThatCode(() -> verify(withHeader(stripeHeader(OLD_SECRET, T, BODY), SECRET, OLD_SECRET))).doesNotThrowAnyException();
        refused(withHeader(stripeHeader(OTHER_SECRET, T, BODY), SECRET, OLD_SECRET), INVALID);
    }

    @Test
    void acceptsExactlyTheToleranceEitherWayAndRefusesOneSecondMore() {
        assertThatCode(() -> verify(withHeader(stripeHeader(SECRET, T - 300, BODY), SECRET))).doesNotThrowAnyException();
        assertThatCode(() -> verify(withHeader(stripeHeader(SECRET, T + 300, BODY), SECRET))).doesNotThrowAnyException();
        refused(withHeader(stripeHeader(SECRET, T - 301, BODY), SECRET), STALE);
        refused(withHeader(stripeHeader(SECRET, T + 301, BODY), SECRET), STALE);
    }

    @Test
    void honoursAConfiguredTolerance() {
        StripeScheme strict = new StripeScheme(new Tolerance(java.time.Duration.ofSeconds(10)));
        WebhookRequest request = withHeader(stripeHeader(SECRET, T - 11, BODY), SECRET);
        assertThatThrownBy(() -> strict.verify(request, request.body(), NOW)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.errorCode()).isEqualTo(STALE));
    }

    @Test
    void refusesATamperedBodyOrTimestamp() {
        String header = stripeHeader(SECRET, T, BODY);
        WebhookRequest tampered = request(BODY.replace("evt_123", "evt_124"), Map.of("Stripe-Signature", List.of(header)), SECRET);
        refused(tampered, INVALID);
        refused(withHeader(header.replace("t=" + T, "t=" + (T - 1)), SECRET), INVALID);
    }

    @Test
    void refusesMissingAndMalformedHeaders() {
        refused(withHeader(null, SECRET), WebhookErrorCodes.HEADER_MISSING);
        String v1 = stripeHeader(SECRET, T, BODY).substring(("t=" + T + ",").length());
        for (String bad : List.of(v1, "t=" + T, "t=" + T + ",v1=xyz", "t=soon," + v1, "t=" + T + ",t=" + T + "," + v1,
                "t=" + T + "," + v1 + ",", "garbage")) {
            refused(withHeader(bad, SECRET), WebhookErrorCodes.HEADER_MALFORMED);
        }
    }

    @Test
    void refusesABodyWithoutAnIdAfterVerification() throws Exception {
        for (String body : List.of("{\"type\":\"x\"}", "{\"id\":7}", "[1]")) {
            assertThatThrownBy(() -> scheme.deliveryId(withHeader("unused", SECRET), new ObjectMapper().readTree(body)))
                    .isInstanceOfSatisfying(ConnectorException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.WEBHOOK_PAYLOAD_MALFORMED.toErrorCode()));
        }
    }
}
