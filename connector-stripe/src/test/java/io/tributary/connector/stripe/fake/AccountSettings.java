package io.tributary.connector.stripe.fake;

import java.time.Instant;
import java.util.Objects;

/**
 * Who a fake account is: its id, mode, default currency and name, the seed its ids come from and
 * the instant its clock starts at (never the wall clock, so accounts are reproducible).
 *
 * @param id           {@code acct_...}
 * @param livemode     whether objects say {@code livemode: true} and keys are {@code *_live_*}
 * @param defaultCurrency lower-case ISO code, such as {@code usd}
 * @param displayName  the Dashboard display name
 * @param seed         seeds id generation
 * @param now          the account clock's start, epoch seconds
 */
public record AccountSettings(String id, boolean livemode, String defaultCurrency, String displayName, long seed, long now) {

    /** 2026-07-01T00:00:00Z: the fixed "now" of accounts that do not name one. */
    public static final long DEFAULT_NOW = Instant.parse("2026-07-01T00:00:00Z").getEpochSecond();

    public AccountSettings {
        Objects.requireNonNull(id, "id");
        if (!id.startsWith("acct_")) {
            throw new IllegalArgumentException("Stripe account ids start with acct_: " + id);
        }
        Objects.requireNonNull(defaultCurrency, "defaultCurrency");
        Objects.requireNonNull(displayName, "displayName");
    }

    /** A test-mode USD account named "Fake Stripe Test Account". */
    public static AccountSettings defaults() {
        return new AccountSettings("acct_1FakeStripeTest01", false, "usd", "Fake Stripe Test Account", 1L, DEFAULT_NOW);
    }

    public AccountSettings withId(String newId) {
        return new AccountSettings(newId, livemode, defaultCurrency, displayName, seed, now);
    }

    public AccountSettings withLivemode(boolean newLivemode) {
        return new AccountSettings(id, newLivemode, defaultCurrency, displayName, seed, now);
    }

    public AccountSettings withDefaultCurrency(String currency) {
        return new AccountSettings(id, livemode, currency, displayName, seed, now);
    }

    public AccountSettings withDisplayName(String name) {
        return new AccountSettings(id, livemode, defaultCurrency, name, seed, now);
    }

    public AccountSettings withSeed(long newSeed) {
        return new AccountSettings(id, livemode, defaultCurrency, displayName, newSeed, now);
    }

    public AccountSettings withNow(long epochSeconds) {
        return new AccountSettings(id, livemode, defaultCurrency, displayName, seed, epochSeconds);
    }
}
