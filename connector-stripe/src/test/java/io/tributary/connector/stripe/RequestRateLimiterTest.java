package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limiter on a simulated clock: waiting advances time, so the schedule is exact. */
class RequestRateLimiterTest {

    private long now;
    private final List<Long> starts = new ArrayList<>();

    private RequestRateLimiter limiter(double global, double perEndpoint, int burst) {
        return new RequestRateLimiter(global, perEndpoint, burst, () -> now, nanos -> now += nanos);
    }

    private void send(RequestRateLimiter limiter, String endpoint, int count) {
        for (int i = 0; i < count; i++) {
            limiter.acquire(endpoint, Duration.ofMinutes(5));
            starts.add(now);
        }
    }

    @Test
    void spacesRequestsAtTheGlobalRateAfterTheBurst() {
        RequestRateLimiter limiter = limiter(20, 1000, 5);
        send(limiter, "/v1/charges", 25);

        // The first five go at once; then one every 50 ms.
        assertThat(starts.subList(0, 5)).containsOnly(0L);
        assertThat(starts.get(5)).isEqualTo(50_000_000L);
        assertThat(starts.get(24)).isEqualTo(20 * 50_000_000L);
    }

    @Test
    void holdsEachEndpointToItsOwnRate() {
        RequestRateLimiter limiter = limiter(100, 10, 1);
        send(limiter, "/v1/subscriptions", 11);
        assertThat(starts.get(10)).isEqualTo(1_000_000_000L);

        starts.clear();
        long before = now;
        send(limiter, "/v1/charges", 1);
        // Another endpoint is not held up by the first one's rate, only by the global one.
        assertThat(starts.get(0) - before).isLessThanOrEqualTo(10_000_000L);
    }

    @Test
    void aSustainedLoadNeverExceedsTheRateInAnySecond() {
        RequestRateLimiter limiter = limiter(25, 25, 5);
        send(limiter, "/v1/customers", 500);

        for (int i = 0; i + 30 < starts.size(); i++) {
            long windowStart = starts.get(i);
            long windowEnd = windowStart + 1_000_000_000L;
            long inWindow = starts.stream().filter(t -> t >= windowStart && t < windowEnd).count();
            assertThat(inWindow).as("requests in the second after request %d", i).isLessThanOrEqualTo(25 + 5);
        }
        double seconds = starts.get(starts.size() - 1) / 1e9;
        assertThat(500 / seconds).isBetween(24.0, 26.5);
    }

    @Test
    void anIdleAccountRegainsItsBurstButNoMore() {
        RequestRateLimiter limiter = limiter(10, 10, 3);
        send(limiter, "/v1/balance", 3);
        now += 10_000_000_000L;
        starts.clear();
        send(limiter, "/v1/balance", 4);
        long idleStart = starts.get(0);
        assertThat(starts.subList(0, 3)).containsOnly(idleStart);
        assertThat(starts.get(3)).isEqualTo(idleStart + 100_000_000L);
    }

    @Test
    void refusesAWaitLongerThanTheCallerAllows() {
        RequestRateLimiter limiter = limiter(1, 1, 1);
        limiter.acquire("/v1/charges", Duration.ZERO);
        assertThatThrownBy(() -> limiter.acquire("/v1/charges", Duration.ofMillis(500)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED));
    }

    @Test
    void endpointsAreNamedWithoutIds() {
        assertThat(StripeEndpoints.of("/v1/customers/cus_NffrFeUfNV2Hib")).isEqualTo("/v1/customers/{id}");
        assertThat(StripeEndpoints.of("/v1/checkout/sessions/cs_test_a1b2c3d4e5/line_items")).isEqualTo("/v1/checkout/sessions/{id}/line_items");
        assertThat(StripeEndpoints.of("/v1/subscriptions")).isEqualTo("/v1/subscriptions");
        assertThat(StripeEndpoints.of("/v1/payment_intents")).isEqualTo("/v1/payment_intents");
    }
}
