package io.tributary.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.server.Api;
import io.tributary.server.TestServer;
import io.tributary.server.plugins.BundledPlugin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook connector end to end through one server (the shipped plugin directory, the embedded
 * PostgreSQL): how many signed deliveries a second it accepts (each verified, recorded, kept as a
 * record and its block refresh queued, in one transaction), and how long a delivery takes to show
 * in a KPI block's data. Deliveries are signed before the clock starts, so the client's HMACs do
 * not count against the server's. Run with {@code bench/run-webhook-deliveries.sh [debounce-ms]}.
 */
public final class WebhookDeliveriesBench {

    private static final int WARM_UP = 500;
    private static final int DELIVERIES = 10_000;
    private static final int CLIENTS = 8;
    private static final int LATENCY_SAMPLES = 100;

    private WebhookDeliveriesBench() {
    }

    public static void main(String[] args) throws Exception {
        String debounce = args.length > 0 ? args[0] : "1000";
        TestServer server = new TestServer(FakeStripeAccount.create(), Map.of("scheduler.webhookDebounceMillis", debounce,
                "connectors.webhook.retention_deliveries", "1000000")).withPlugins(BundledPlugin.WEBHOOK).start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            Api api = server.api();
            String token = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Bench", "plan", "builder"))
                    .body().get("apiToken").asText();
            JsonNode source = api.post("/api/v1/data-sources", token, Map.of("type", "webhook", "credentials", Map.of())).body();
            String url = "http://127.0.0.1:" + server.app().getLocalPort() + "/webhooks/webhook/" + source.get("id").asText();
            String secret = source.at("/generatedSecrets/secret").asText();
            String block = api.post("/api/v1/blocks", token, Map.of("binding", Map.of("dataSourceId", source.get("id").asText(),
                    "queryConfig", Map.of("type", "webhook.latest", "params", Map.of("path", "n")),
                    "projection", Map.of("fields", Map.of("value", Map.of("source", "value")))))).body().get("id").asText();
            AtomicInteger ids = new AtomicInteger();

            throughput(http, url, secret, server, ids, WARM_UP);
            double perSecond = throughput(http, url, secret, server, ids, DELIVERIES);
            System.out.flush();
            System.out.printf("throughput: %,d deliveries from %d clients, %.0f accepted a second%n", DELIVERIES, CLIENTS, perSecond);
            server.awaitIdle();

            List<Double> latencies = new ArrayList<>();
            for (int i = 1; i <= LATENCY_SAMPLES; i++) {
                int value = 1_000_000 + i;
                // The test server's clock stands still: move it, so this delivery is the newest by its received time.
                server.clock().advance(java.time.Duration.ofMillis(1));
                HttpRequest request = signed(url, secret, "lat_" + i, server.clock().instant().getEpochSecond(), "{\"n\":" + value + "}");
                long sent = System.nanoTime();
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("A delivery was refused: " + answer.body());
                }
                // Polled every 5 ms: the figure carries at most that much of the poll's own delay.
                while (api.get("/api/v1/blocks/" + block, token).body().at("/widget/data/value").asInt() != value) {
                    Thread.sleep(5);
                }
                latencies.add((System.nanoTime() - sent) / 1e6);
                server.awaitIdle();
            }
            Collections.sort(latencies);
            System.out.printf("delivery to fresh block data, debounce %s ms, %d deliveries one at a time: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    debounce, LATENCY_SAMPLES, percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1));
        } finally {
            server.close();
        }
    }

    private static double throughput(HttpClient http, String url, String secret, TestServer server, AtomicInteger ids, int count)
            throws Exception {
        long t = server.clock().instant().getEpochSecond();
        List<HttpRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int id = ids.incrementAndGet();
            requests.add(signed(url, secret, "msg_" + id, t, "{\"n\":" + id + ",\"plan\":\"pro\",\"amount\":12.5}"));
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(clients.submit(() -> {
                int accepted = 0;
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    HttpResponse<String> answer = http.send(requests.get(i), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("A delivery was refused: " + answer.statusCode() + " " + answer.body());
                    }
                    accepted++;
                }
                return accepted;
            }));
        }
        int accepted = 0;
        for (Future<Integer> client : done) {
            accepted += client.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        clients.shutdown();
        return accepted / seconds;
    }

    private static HttpRequest signed(String url, String secret, String id, long t, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signature = "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + t + "." + body).getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url)).header("webhook-id", id).header("webhook-timestamp", Long.toString(t))
                .header("webhook-signature", signature).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static double percentile(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
