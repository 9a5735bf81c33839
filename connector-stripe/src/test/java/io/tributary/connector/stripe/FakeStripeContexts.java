package io.tributary.connector.stripe;

import io.tributary.connector.host.Contexts;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Connector contexts for a fake Stripe's keys, on the fake account's clock. Where the connector
 * sends its requests is its own setting: see {@link StripeConnectors}.
 */
final class FakeStripeContexts {

    private FakeStripeContexts() {
    }

    /** A context whose clock stands at the fake account's now. */
    static ConnectorContext context(FakeStripe fake, String key) {
        return context(key, Clock.fixed(Instant.ofEpochSecond(fake.account().now()), ZoneOffset.UTC));
    }

    /** A context whose clock reads the fake account's clock whenever asked, so it follows {@code advanceClock}. */
    static ConnectorContext following(FakeStripe fake, String key) {
        return context(key, new AccountClock(fake.account()));
    }

    static ConnectorContext context(String key, Clock clock) {
        Credentials credentials = new Credentials(Map.of("api_key", key));
        return Contexts.builder().credentials(() -> credentials).clock(clock).build();
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
}
