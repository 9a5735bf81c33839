package io.tributary.connector.stripe.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.RateLimitException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rate limits, injected failures, dropped connections and latency. */
class FaultInjectionTest {

    private static FakeStripe fake;
    private static String key;

    @BeforeAll
    static void start() {
        fake = FakeStripe.start(FakeStripeAccount.generate(5, AccountSize.small()));
        key = fake.addKey(KeyAccess.allReads());
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @AfterEach
    void clear() {
        fake.clearFaults();
        fake.resetRequests();
    }

    @Test
    void aBurstBeyondTheGlobalRateGets429() {
        fake.rateLimit(10, 0);
        long started = System.nanoTime();
        int limited = 0;
        for (int i = 0; i < 30; i++) {
            RawHttp.Response response = RawHttp.get(fake, i % 2 == 0 ? "/v1/customers" : "/v1/charges", key);
            if (response.status() == 429) {
                limited++;
                assertThat(response.body().path("error").path("code").asText()).isEqualTo("rate_limit");
                assertThat(response.body().path("error").path("type").asText()).isEqualTo("invalid_request_error");
            } else {
                assertThat(response.status()).isEqualTo(200);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // Ten per second: ten in the first second, ten more for each further second the burst took.
        int allowed = 10 * (int) Math.ceil(seconds);
        assertThat(30 - limited).isBetween(10, allowed);
        assertThat(fake.requests()).extracting(RecordedRequest::status).contains(429).contains(200);
    }

    @Test
    void aBurstBeyondThePerEndpointRateGets429OnlyThere() {
        fake.rateLimit(0, 4);
        int customersOk = 0;
        int chargesOk = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            customersOk += RawHttp.get(fake, "/v1/customers", key).status() == 200 ? 1 : 0;
            chargesOk += RawHttp.get(fake, "/v1/charges", key).status() == 200 ? 1 : 0;
        }
        int allowed = 4 * (int) Math.ceil((System.nanoTime() - started) / 1e9);
        assertThat(customersOk).isBetween(4, allowed);
        assertThat(chargesOk).isBetween(4, allowed);
        String charge = fake.account().objects("charge").get(0).get("id").asText();
        assertThat(RawHttp.get(fake, "/v1/charges/" + charge, key).status()).as("another endpoint").isEqualTo(200);
        assertThat(fake.requests()).extracting(RecordedRequest::endpoint).contains("GET /v1/charges/{id}");
    }

    @Test
    void stripeJavaSeesA429AsARateLimitException() {
        fake.rateLimit(1, 0);
        var stripe = FakeStripeClients.client(fake, key);
        assertThatThrownBy(() -> {
            stripe.v1().customers().list();
            stripe.v1().customers().list();
        }).isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.getCode()).isEqualTo("rate_limit"));
    }

    @Test
    void failNextAnswersTheStatusThenRecovers() throws Exception {
        fake.failNext("/v1/subscriptions", 2, 503);
        RawHttp.Response failed = RawHttp.get(fake, "/v1/subscriptions", key);
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.header("Stripe-Should-Retry")).isEqualTo("true");
        assertThat(failed.body().path("error").path("type").asText()).isEqualTo("api_error");
        assertThat(RawHttp.get(fake, "/v1/customers", key).status()).as("other paths").isEqualTo(200);
        assertThat(RawHttp.get(fake, "/v1/subscriptions", key).status()).isEqualTo(503);
        assertThat(RawHttp.get(fake, "/v1/subscriptions", key).status()).isEqualTo(200);

        // stripe-java retries on Stripe-Should-Retry: true and gets through.
        fake.resetRequests();
        fake.failNext("/v1/charges", 2, 500);
        assertThat(FakeStripeClients.client(fake, key, 2).v1().charges().list().getData()).isNotEmpty();
        assertThat(fake.requestCount("/v1/charges")).isEqualTo(3);
    }

    @Test
    void shouldRetryFalseStopsStripeJavasRetries() {
        fake.failNext("/v1/charges", 1, 500, false);
        assertThatThrownBy(() -> FakeStripeClients.client(fake, key, 2).v1().charges().list())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(500));
        assertThat(fake.requestCount("/v1/charges")).isEqualTo(1);
    }

    @Test
    void injected429CarriesShouldRetry() {
        fake.failNext("/v1/invoices", 1, 429);
        RawHttp.Response response = RawHttp.get(fake, "/v1/invoices", key);
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Stripe-Should-Retry")).isEqualTo("true");
        assertThat(response.body().path("error").path("code").asText()).isEqualTo("lock_timeout");
    }

    @Test
    void droppedConnectionsReachStripeJavaAsConnectionErrors() throws Exception {
        // HttpURLConnection (under stripe-java) silently repeats a GET once when a kept-alive connection
        // is reset, so two drops reach stripe-java as one failure.
        fake.dropNextConnections("/v1/payouts", 2);
        assertThatThrownBy(() -> FakeStripeClients.client(fake, key).v1().payouts().list())
                .isInstanceOf(ApiConnectionException.class);
        assertThat(FakeStripeClients.client(fake, key).v1().payouts().list().getData()).isNotEmpty();
        assertThat(fake.requests()).extracting(RecordedRequest::status).startsWith(0).endsWith(200).doesNotContain(500);
    }

    @Test
    void latencyDelaysEveryResponse() throws Exception {
        // A whole second: an undelayed request answers well within it even on a loaded machine.
        Duration latency = Duration.ofSeconds(1);
        fake.latency(latency);
        long started = System.nanoTime();
        FakeStripeClients.client(fake, key).v1().balance().retrieve();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(latency);
        fake.latency(Duration.ZERO);
        started = System.nanoTime();
        RawHttp.get(fake, "/v1/balance", key);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(latency);
    }

    @Test
    void requestsAreRecordedWithTheirKeyAndQuery() {
        RawHttp.get(fake, "/v1/subscriptions?limit=2&expand%5B0%5D=data.customer", key);
        RawHttp.get(fake, "/v1/customers", key);
        assertThat(fake.requestCount()).isEqualTo(2);
        assertThat(fake.requestCount("/v1/subscriptions")).isEqualTo(1);
        RecordedRequest first = fake.requests().get(0);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.path()).isEqualTo("/v1/subscriptions");
        assertThat(first.query()).containsEntry("limit", List.of("2")).containsEntry("expand[0]", List.of("data.customer"));
        assertThat(first.apiKey()).isEqualTo(key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.endpoint()).isEqualTo("GET /v1/subscriptions");
    }

    @Test
    void requestsAreCountedPerKeySoOneClientCountsOnlyItsOwn() {
        String other = fake.addKey(KeyAccess.allReads());
        RawHttp.get(fake, "/v1/customers", key);
        RawHttp.get(fake, "/v1/customers", other);
        RawHttp.get(fake, "/v1/charges", other);
        RawHttp.get(fake, "/v1/charges", "rk_test_neverIssued0000000000000");

        assertThat(fake.requestCountForKey(key)).isEqualTo(1);
        assertThat(fake.requestCountForKey(other)).isEqualTo(2);
        assertThat(fake.requestCountForKey(other, "/v1/charges")).isEqualTo(1);
        assertThat(fake.requestCountForKey(key, "/v1/charges")).isZero();
        assertThat(fake.requestCount()).isEqualTo(4);
    }
}
