package io.tributary.connector.stripe;

import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Connector contexts pointed at a fake Stripe, with fast retries and the fake account's clock. */
final class FakeStripeContexts {

    private FakeStripeContexts() {
    }

    static ConnectorContext context(FakeStripe fake, String key) {
        return context(fake, key, Map.of());
    }

    static ConnectorContext context(FakeStripe fake, String key, Map<String, String> extraSettings) {
        return context(fake.baseUrl(), key, Clock.fixed(Instant.ofEpochSecond(fake.account().now()), ZoneOffset.UTC), extraSettings);
    }

    /** A context whose clock reads the fake account's clock whenever asked, so it follows {@code advanceClock}. */
    static ConnectorContext following(FakeStripe fake, String key, Map<String, String> extraSettings) {
        return context(fake.baseUrl(), key, new AccountClock(fake.account()), extraSettings);
    }

    /** The account clock as a {@link Clock}: "now" is the account's now, in whole seconds. */
    static final class AccountClock extends Clock {
        private final FakeStripeAccount account;
        private final ZoneId zone;

        AccountClock(FakeStripeAccount account) {
            this(account, ZoneOffset.UTC);
        }

        private AccountClock(FakeStripeAccount account, ZoneId zone) {
            this.account = account;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(account.now());
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new AccountClock(account, newZone);
        }
    }

    static ConnectorContext context(String apiBase, String key, Clock clock, Map<String, String> extraSettings) {
        Map<String, String> settings = new HashMap<>(Map.of("api_base", apiBase, "retry_base_delay_ms", "1", "retry_max_delay_ms", "10"));
        settings.putAll(extraSettings);
        return ConnectorContext.builder()
                .credentials(() -> new Credentials(Map.of("api_key", key)))
                .settings(new ConnectorSettings(settings))
                .clock(clock)
                .build();
    }
}
