package io.tributary.connector.webhook;

import io.tributary.connector.spi.WebhookContext;
import io.tributary.connector.spi.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs deliveries as senders do, with javax.crypto directly: never the production code. */
final class TestSigning {

    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    static final WebhookContext CONTEXT = WebhookContext.of(Clock.fixed(NOW, ZoneOffset.UTC));
    static final String BODY = "{\"id\":\"evt_123\",\"type\":\"thing.updated\",\"data\":{\"n\":1}}";

    private TestSigning() {
    }

    static byte[] hmac(byte[] key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String stripeHeader(String secret, long t, String body) {
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), t + "." + body));
    }

    static String githubHeader(String secret, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    static String standardSignature(String secret, String id, long t, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, id + "." + t + "." + body));
    }

    static WebhookRequest request(String body, Map<String, List<String>> headers, String... secrets) {
        return new WebhookRequest(body.getBytes(StandardCharsets.UTF_8), headers, List.of(secrets));
    }
}
