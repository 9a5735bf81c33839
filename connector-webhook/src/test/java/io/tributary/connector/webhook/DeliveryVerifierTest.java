package io.tributary.connector.webhook;

import static io.tributary.connector.webhook.TestSigning.CONTEXT;
import static io.tributary.connector.webhook.TestSigning.NOW;
import static io.tributary.connector.webhook.TestSigning.githubHeader;
import static io.tributary.connector.webhook.TestSigning.request;
import static io.tributary.connector.webhook.TestSigning.standardSignature;
import static io.tributary.connector.webhook.TestSigning.stripeHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorCode;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryVerifierTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final long T = NOW.getEpochSecond();
    private static final ErrorCode MALFORMED = StandardErrorCode.WEBHOOK_PAYLOAD_MALFORMED.toErrorCode();

    private final DeliveryVerifier verifier = new DeliveryVerifier(SignatureScheme.named(null), Set.of("User-Agent", "x-tenant"));

    private static WebhookRequest standard(String body, String... extraHeader) {
        Map<String, List<String>> headers = new java.util.HashMap<>(Map.of(
                "webhook-id", List.of("msg_9"),
                "webhook-timestamp", List.of(Long.toString(T)),
                "webhook-signature", List.of(standardSignature(SECRET, "msg_9", T, body))));
        for (int i = 0; i < extraHeader.length; i += 2) {
            headers.put(extraHeader[i], List.of(extraHeader[i + 1]));
        }
        return request(body, headers, SECRET);
    }

    private void refused(WebhookRequest request, ErrorCode code) {
        assertThatThrownBy(() -> verifier.verify(CONTEXT, request)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    @Test
    void returnsTheDeliveryWithItsIdTimeBodyAndOnlyTheKeptHeaders() {
        Delivery delivery = verifier.verify(CONTEXT, standard("{\"a\":[1,2]}", "user-agent", "Sender/1.0", "X-Secret-Token", "hidden"));
        assertThat(delivery.id()).isEqualTo("msg_9");
        assertThat(delivery.scheme()).isEqualTo("standard");
        assertThat(delivery.receivedAt()).isEqualTo(NOW);
        assertThat(delivery.body().path("a").get(1).asInt()).isEqualTo(2);
        assertThat(delivery.headers()).isEqualTo(Map.of("user-agent", List.of("Sender/1.0")));
    }

    @Test
    void keepsTheBodyPrivate() {
        Delivery delivery = verifier.verify(CONTEXT, standard("{\"a\":1}"));
        ((ObjectNode) delivery.body()).put("a", 2);
        assertThat(delivery.body().path("a").asInt()).isEqualTo(1);
    }

    @Test
    void acceptsAJsonArray() {
        assertThat(verifier.verify(CONTEXT, standard("[{\"a\":1}]")).body().isArray()).isTrue();
    }

    @Test
    void becomesAnEventForTheHost() {
        WebhookEvent event = verifier.verify(CONTEXT, standard("{\"a\":1}")).toEvent(Set.of("records"));
        assertThat(event.id()).isEqualTo("msg_9");
        assertThat(event.type()).isEqualTo("webhook.delivery");
        assertThat(event.createdAt()).isEqualTo(NOW);
        assertThat(event.staleQueryTypes()).containsExactly("records");
        assertThat(event.staleStreams()).containsExactly("deliveries");
        assertThat(event.object().path("id").asText()).isEqualTo("msg_9");
        assertThat(event.object().path("received_at").asText()).isEqualTo(NOW.truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString());
        assertThat(event.object().path("scheme").asText()).isEqualTo("standard");
        assertThat(event.object().path("body").path("a").asInt()).isEqualTo(1);
    }

    @Test
    void acceptsExactlyOneMebibyteAndRefusesOneByteMore() {
        String prefix = "{\"p\":\"";
        String suffix = "\"}";
        String exact = prefix + "x".repeat(DeliveryVerifier.MAX_BODY_BYTES - prefix.length() - suffix.length()) + suffix;
        assertThat(verifier.verify(CONTEXT, standard(exact)).id()).isEqualTo("msg_9");
        refused(standard(exact.replace("\"p\"", "\"pp\"")), WebhookErrorCodes.TOO_LARGE);
    }

    @Test
    void refusesATooLargeBodyEvenUnsigned() {
        WebhookRequest request = request("x".repeat(DeliveryVerifier.MAX_BODY_BYTES + 1), Map.of(), SECRET);
        refused(request, WebhookErrorCodes.TOO_LARGE);
    }

    @Test
    void refusesASignedBodyThatIsNotAJsonObjectOrArray() {
        for (String body : List.of("not json", "", "42", "\"text\"", "null", "{\"a\":1} trailing", "{\"a\":1}{\"b\":2}", "{\"a\":")) {
            refused(standard(body), MALFORMED);
        }
    }

    @Test
    void refusesABodyThatIsNotUtf8() {
        // A lone UTF-8 lead byte, signed as bytes: a body no String round trip could carry.
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
        byte[] key = java.util.Base64.getDecoder().decode(SECRET.substring(6));
        byte[] prefix = ("msg_9." + T + ".").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] payload = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, payload, 0, prefix.length);
        System.arraycopy(body, 0, payload, prefix.length, body.length);
        String signature;
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            signature = "v1," + java.util.Base64.getEncoder().encodeToString(mac.doFinal(payload));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        WebhookRequest request = new WebhookRequest(body, Map.of("webhook-id", List.of("msg_9"),
                "webhook-timestamp", List.of(Long.toString(T)), "webhook-signature", List.of(signature)), List.of(SECRET));
        refused(request, MALFORMED);
    }

    @Test
    void checksTheSignatureBeforeTheBody() {
        WebhookRequest unsigned = request("not json", Map.of("webhook-id", List.of("msg_9"),
                "webhook-timestamp", List.of(Long.toString(T)), "webhook-signature", List.of("v1,AAAA")), SECRET);
        refused(unsigned, StandardErrorCode.WEBHOOK_SIGNATURE_INVALID.toErrorCode());
    }

    @Test
    void verifiesEachSchemeEndToEnd() {
        String body = "{\"id\":\"evt_1\"}";
        DeliveryVerifier stripe = new DeliveryVerifier(SignatureScheme.named("stripe"), Set.of());
        assertThat(stripe.verify(CONTEXT, request(body, Map.of("Stripe-Signature", List.of(stripeHeader("whsec_abcdefghijklmnop", T, body))),
                "whsec_abcdefghijklmnop")).id()).isEqualTo("evt_1");
        DeliveryVerifier github = new DeliveryVerifier(SignatureScheme.named("GitHub"), Set.of());
        Delivery fromGithub = github.verify(CONTEXT, request(body, Map.of("X-Hub-Signature-256", List.of(githubHeader("sixteen chars!!!", body)),
                "X-GitHub-Delivery", List.of("d-1")), "sixteen chars!!!"));
        assertThat(fromGithub.id()).isEqualTo("d-1");
        assertThat(fromGithub.scheme()).isEqualTo("github");
    }
}
