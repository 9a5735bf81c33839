package io.tributary.connector.webhook;

import static io.tributary.connector.webhook.TestSigning.BODY;
import static io.tributary.connector.webhook.TestSigning.NOW;
import static io.tributary.connector.webhook.TestSigning.githubHeader;
import static io.tributary.connector.webhook.TestSigning.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorCode;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.WebhookRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GithubSchemeTest {

    private static final String SECRET = "new github secret!";
    private static final String OLD_SECRET = "old github secret!";
    private static final String DELIVERY = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
    private static final ErrorCode INVALID = StandardErrorCode.WEBHOOK_SIGNATURE_INVALID.toErrorCode();

    private final GithubScheme scheme = new GithubScheme();

    private static WebhookRequest delivery(String body, String signature, String deliveryId, String... secrets) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (signature != null) {
            headers.put("X-Hub-Signature-256", List.of(signature));
        }
        if (deliveryId != null) {
            headers.put("X-GitHub-Delivery", List.of(deliveryId));
        }
        return request(body, headers, secrets);
    }

    private void refused(WebhookRequest request, ErrorCode code) {
        assertThatThrownBy(() -> scheme.verify(request, request.body(), NOW)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    @Test
    void acceptsASignedDeliveryAtAnyTimeAndTakesItsIdFromTheHeader() {
        WebhookRequest request = delivery(BODY, githubHeader(SECRET, BODY), DELIVERY, SECRET);
        // GitHub signs no timestamp: a year later is no different.
        assertThatCode(() -> scheme.verify(request, request.body(), NOW.plusSeconds(365L * 24 * 3600))).doesNotThrowAnyException();
        assertThatCode(() -> scheme.verify(request, request.body(), Instant.EPOCH)).doesNotThrowAnyException();
        assertThat(scheme.deliveryId(request, null)).isEqualTo(DELIVERY);
    }

    @Test
    void acceptsTheOldAndTheNewSecretDuringARotationButNoThird() {
        for (String signer : List.of(SECRET, OLD_SECRET)) {
            WebhookRequest request = delivery(BODY, githubHeader(signer, BODY), DELIVERY, SECRET, OLD_SECRET);
            assertThatCode(() -> scheme.verify(request, request.body(), NOW)).doesNotThrowAnyException();
        }
        refused(delivery(BODY, githubHeader("a third secret!!!", BODY), DELIVERY, SECRET, OLD_SECRET), INVALID);
    }

    @Test
    void refusesATamperedBody() {
        refused(delivery(BODY + " ", githubHeader(SECRET, BODY), DELIVERY, SECRET), INVALID);
    }

    @Test
    void refusesMissingAndMalformedHeaders() {
        refused(delivery(BODY, null, DELIVERY, SECRET), WebhookErrorCodes.HEADER_MISSING);
        refused(delivery(BODY, githubHeader(SECRET, BODY), null, SECRET), WebhookErrorCodes.HEADER_MISSING);
        String hex = githubHeader(SECRET, BODY).substring("sha256=".length());
        for (String bad : List.of(hex, "sha1=" + hex, "sha256=zz" + hex.substring(2), "sha256=" + hex.substring(1))) {
            refused(delivery(BODY, bad, DELIVERY, SECRET), WebhookErrorCodes.HEADER_MALFORMED);
        }
    }
}
