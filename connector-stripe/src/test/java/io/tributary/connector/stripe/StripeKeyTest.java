package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripeKeyTest {

    @Test
    void parsesTheFourKindsOfKey() {
        assertThat(StripeKey.parse("rk_live_51AbCdEfGhIjKlMnOp")).satisfies(key -> {
            assertThat(key.restricted()).isTrue();
            assertThat(key.livemode()).isTrue();
        });
        assertThat(StripeKey.parse("rk_test_51AbCdEfGhIjKlMnOp").livemode()).isFalse();
        assertThat(StripeKey.parse("sk_live_51AbCdEfGhIjKlMnOp").restricted()).isFalse();
        assertThat(StripeKey.parse("sk_test_51AbCdEfGhIjKlMnOp").restricted()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pk_live_51AbCdEfGhIjKlMnOp", "rk_prod_51AbCdEfGhIjKlMnOp", "rk_live_short", "whsec_51AbCdEfGhIjKlMnOp",
            "rk_live_51AbCdEfGhIjKlMnOp ", "sk_test_51AbCd-EfGhIjKlMnOp"})
    void refusesAnythingElseBeforeAnyCallSayingWhatAKeyLooksLike(String value) {
        assertThatThrownBy(() -> StripeKey.parse(value)).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.CREDENTIALS_REJECTED);
            assertThat(e.field()).contains("api_key");
            assertThat(e.getMessage()).contains("rk_live_", "rk_test_").doesNotContain(value.isEmpty() ? "\u0000" : value);
        });
    }

    @Test
    void neverShowsMoreThanTheKindAndTheLastFour() {
        StripeKey key = StripeKey.parse("rk_live_51AbCdEfGhIjKlMnOpQrSt");
        assertThat(key.masked()).isEqualTo("rk_live_...QrSt");
        assertThat(key.toString()).isEqualTo("StripeKey[rk_live_...QrSt]");
    }

    @Test
    void retriesBackOffExponentiallyWithJitterWithinTheCap() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8));
        SplittableRandom random = new SplittableRandom(7);
        for (int attempt = 1; attempt <= 8; attempt++) {
            long ceiling = Math.min(8000, 500L << (attempt - 1));
            for (int i = 0; i < 200; i++) {
                assertThat(policy.backoff(attempt, Duration.ZERO, random).toMillis()).isBetween(0L, ceiling);
            }
        }
        assertThat(policy.backoff(1, Duration.ofSeconds(3), random)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }
}
