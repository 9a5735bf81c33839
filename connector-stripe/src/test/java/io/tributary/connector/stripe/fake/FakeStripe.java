package io.tributary.connector.stripe.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Duration;
import java.util.List;

/**
 * A fake Stripe API on WireMock, listening on 127.0.0.1 at a free port, serving one
 * {@link FakeStripeAccount}. Point stripe-java at {@link #baseUrl()} with
 * {@code StripeClient.builder().setApiBase(fake.baseUrl())}.
 *
 * <p>Serves the read endpoints of the connector (lists with Stripe's pagination, filters and
 * {@code expand[]}, retrievals, balance, account), checks keys (401) and restricted-key
 * permissions (403), and injects rate limits (429), failures, dropped connections and latency
 * on demand. Every request is recorded for assertions.
 */
public final class FakeStripe implements AutoCloseable {

    private final FakeStripeAccount account;
    private final ApiKeys keys;
    private final FakeStripeTransformer transformer;
    private final WireMockServer server;

    private FakeStripe(FakeStripeAccount account) {
        this.account = account;
        this.keys = new ApiKeys(account.settings().seed() * 31 + 7, account.livemode());
        this.transformer = new FakeStripeTransformer(account, keys);
        // Enough threads that benchmark-sized parallel clients are not queued behind slow responses.
        this.server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(64)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(32)
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .notifier(new ConsoleNotifier(false))
                .extensions(transformer));
    }

    /** Starts a fake serving this account. */
    public static FakeStripe start(FakeStripeAccount account) {
        FakeStripe fake = new FakeStripe(account);
        fake.server.start();
        fake.server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(FakeStripeTransformer.NAME)));
        return fake;
    }

    /** What stripe-java takes as its API base: {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public FakeStripeAccount account() {
        return account;
    }

    // ---- keys ----

    /** A new key: {@code sk_test_...} for secret or revoked access, {@code rk_test_...} for restricted. */
    public String addKey(KeyAccess access) {
        return keys.add(access);
    }

    /** Registers a key of your choosing. */
    public void addKey(String key, KeyAccess access) {
        keys.add(key, access);
    }

    /** Revokes a key: it then gets 401 like an unknown one. */
    public void revokeKey(String key) {
        keys.add(key, KeyAccess.revoked());
    }

    // ---- observability ----

    public long requestCount() {
        return transformer.requests().size();
    }

    /** Requests whose path starts with this, such as {@code /v1/subscriptions}. */
    public long requestCount(String pathPrefix) {
        return transformer.requests().stream().filter(request -> request.path().startsWith(pathPrefix)).count();
    }

    /**
     * Requests sent with this key: what one client caused, where other clients (a server's
     * background refreshes, say) share the fake.
     */
    public long requestCountForKey(String apiKey) {
        return requestCountForKey(apiKey, "/");
    }

    /** Requests sent with this key whose path starts with this. */
    public long requestCountForKey(String apiKey, String pathPrefix) {
        return transformer.requests().stream()
                .filter(request -> apiKey.equals(request.apiKey()) && request.path().startsWith(pathPrefix)).count();
    }

    /** Every request so far, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(new java.util.ArrayList<>(transformer.requests()));
    }

    public void resetRequests() {
        transformer.requests().clear();
    }

    // ---- faults ----

    /**
     * Answers 429 beyond these rates (requests per second), over the whole account and per
     * endpoint (method and path template); 0 leaves that one unlimited.
     */
    public void rateLimit(double requestsPerSecondGlobal, double requestsPerSecondPerEndpoint) {
        transformer.rateLimiter().configure(requestsPerSecondGlobal, requestsPerSecondPerEndpoint);
    }

    public void noRateLimit() {
        rateLimit(0, 0);
    }

    /**
     * The next {@code count} requests under {@code pathPrefix} get {@code status}. 500, 503 and
     * 429 (a lock timeout) carry {@code Stripe-Should-Retry: true}, as Stripe sends them.
     */
    public void failNext(String pathPrefix, int count, int status) {
        if (status == 500 || status == 503 || status == 429) {
            failNext(pathPrefix, count, status, true);
        } else {
            transformer.faults().failNext(pathPrefix, count, status);
        }
    }

    /** As {@link #failNext(String, int, int)}, with {@code Stripe-Should-Retry} set as given. */
    public void failNext(String pathPrefix, int count, int status, boolean shouldRetry) {
        transformer.faults().failNext(pathPrefix, count, status, shouldRetry);
    }

    /** The next {@code count} requests under {@code pathPrefix} have their connection reset. */
    public void dropNextConnections(String pathPrefix, int count) {
        transformer.faults().dropNext(pathPrefix, count);
    }

    /** Delays every response by this much (zero to stop). */
    public void latency(Duration perRequest) {
        transformer.faults().latency(perRequest);
    }

    /** Drops planned failures, latency and rate limits. */
    public void clearFaults() {
        transformer.faults().clear();
        noRateLimit();
    }

    @Override
    public void close() {
        server.stop();
    }
}
