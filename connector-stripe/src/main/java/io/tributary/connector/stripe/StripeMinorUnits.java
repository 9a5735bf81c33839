package io.tributary.connector.stripe;

import io.tributary.connector.spi.MinorUnits;
import java.util.Map;

/**
 * How Stripe writes amounts: in each currency's smallest unit, with the decimals of Stripe's own
 * table (https://docs.stripe.com/currencies), which ISO 4217 (the JDK's
 * {@link java.util.Currency#getDefaultFractionDigits()}) gets right except for two currencies.
 */
final class StripeMinorUnits {

    /**
     * MGA is zero-decimal at Stripe (two decimals in ISO 4217). ISK has no minor unit in use, yet
     * Stripe writes it with two decimals for backwards compatibility (amounts are multiples of
     * 100), so it is shown in whole krónur. Stripe's other zero- and three-decimal currencies agree
     * with ISO 4217; HUF and TWD are two-decimal in the API (only their payouts are whole units).
     */
    static final MinorUnits UNITS = MinorUnits.iso4217Except(Map.of("MGA", 0, "ISK", 2)).showing(Map.of("ISK", 0));

    private StripeMinorUnits() {
    }
}
