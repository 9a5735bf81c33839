package io.tributary.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers a webhook to a test server as the helpdesk signs it: {@code X-Helpdesk-Timestamp} (unix
 * seconds, the server's "now") and {@code X-Helpdesk-Signature: sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<body>">} with the endpoint's signing secret.
 */
final class HelpdeskDeliveries {

    private HelpdeskDeliveries() {
    }

    static HttpResponse<String> deliver(TestServer server, String dataSourceId, String signingSecret, String body) throws Exception {
        long t = server.clock().instant().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().getLocalPort()
                        + "/webhooks/helpdesk/" + dataSourceId))
                .header("X-Helpdesk-Timestamp", String.valueOf(t)).header("X-Helpdesk-Signature", "sha256=" + signature)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
