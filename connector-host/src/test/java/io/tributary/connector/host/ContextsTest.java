package io.tributary.connector.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.spi.Timeouts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContextsTest {

    @Test
    void theBuiltContextAsksItsSupplierOnEveryCallSoTheHostCanAuditEachDecryption() {
        AtomicInteger decryptions = new AtomicInteger();
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
        ConnectorContext context = Contexts.builder()
                .credentials(() -> {
                    decryptions.incrementAndGet();
                    return new Credentials(Map.of("api_key", "secret"));
                })
                .clock(clock)
                .build();

        assertThat(decryptions).hasValue(0);
        context.credentials();
        context.credentials();
        assertThat(decryptions).hasValue(2);
        assertThat(context.clock().instant()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(context.timeouts()).isEqualTo(Timeouts.DEFAULT);
        assertThat(context.toString()).doesNotContain("secret");
        assertThatThrownBy(() -> Contexts.builder().build()).hasMessageContaining("credentials");
    }

    @Test
    void aContextAroundFixedCredentialsUsesTheUtcClockAndTheGivenTimeouts() {
        Timeouts quick = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
        ConnectorContext fixed = Contexts.of(Map.of("api_key", "key_1"));
        ConnectorContext timed = Contexts.builder().credentials(() -> new Credentials(Map.of())).timeouts(quick).build();

        assertThat(fixed.credentials().require("api_key")).isEqualTo("key_1");
        assertThat(fixed.clock().getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(timed.timeouts()).isEqualTo(quick);
    }
}
