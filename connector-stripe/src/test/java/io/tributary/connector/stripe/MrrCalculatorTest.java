package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.Coupon;
import com.stripe.model.Subscription;
import com.stripe.net.ApiResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per MRR rule. Subscriptions are written as the JSON Stripe sends (API 2026-07-29) and
 * read by stripe-java itself, so the calculator sees exactly what it sees in production.
 */
class MrrCalculatorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final Map<String, Coupon> coupons = new HashMap<>();
    private final List<String> couponLookups = new ArrayList<>();

    private MrrCalculator calculator() {
        return new MrrCalculator(id -> {
            couponLookups.add(id);
            return coupons.get(id);
        }, NOW);
    }

    private static String price(long unitAmount, String currency, String interval, long intervalCount, String usageType) {
        return """
                {"id": "price_%1$s%2$d", "object": "price", "active": true, "billing_scheme": "per_unit", "currency": "%3$s",
                 "product": "prod_A", "type": "recurring", "unit_amount": %2$d, "unit_amount_decimal": "%2$d",
                 "recurring": {"interval": "%1$s", "interval_count": %4$d, "usage_type": "%5$s"}}"""
                .formatted(interval, unitAmount, currency, intervalCount, usageType);
    }

    private static String item(String price, Long quantity, String discounts) {
        return """
                {"id": "si_%d", "object": "subscription_item", "price": %s, "quantity": %s, "discounts": [%s]}"""
                .formatted(Math.abs(price.hashCode()), price, quantity == null ? "null" : quantity, discounts);
    }

    private static String legacyItem(long amount, String interval) {
        return """
                {"id": "si_legacy", "object": "subscription_item", "quantity": 1, "discounts": [],
                 "plan": {"id": "gold", "object": "plan", "active": true, "amount": %d, "billing_scheme": "per_unit",
                          "currency": "usd", "interval": "%s", "interval_count": 1, "product": "prod_A", "usage_type": "licensed"}}"""
                .formatted(amount, interval);
    }

    private static String discount(String couponJson, Long end) {
        return """
                {"id": "di_%d", "object": "discount", "end": %s, "start": 1700000000,
                 "source": {"type": "coupon", "coupon": %s}}"""
                .formatted(Math.abs(couponJson.hashCode()), end == null ? "null" : end, couponJson);
    }

    private static String percentOff(double percent, String duration) {
        return """
                {"id": "pct%s", "object": "coupon", "duration": "%s", "percent_off": %s, "valid": true}"""
                .formatted(String.valueOf(percent).replace('.', '_'), duration, percent);
    }

    private static String amountOff(long amount, String currency, String duration) {
        return """
                {"id": "off%d%s", "object": "coupon", "duration": "%s", "amount_off": %d, "currency": "%s", "valid": true}"""
                .formatted(amount, currency, duration, amount, currency);
    }

    private static Subscription subscription(String status, List<String> items, String discounts) {
        String json = """
                {"id": "sub_1", "object": "subscription", "status": "%s", "customer": "cus_1", "currency": "usd",
                 "discounts": [%s], "items": {"object": "list", "has_more": false, "url": "/v1/subscription_items", "data": [%s]}}"""
                .formatted(status, discounts, String.join(",", items));
        return ApiResource.GSON.fromJson(json, Subscription.class);
    }

    private long mrr(Subscription... subscriptions) {
        MrrCalculator calculator = calculator();
        for (Subscription subscription : subscriptions) {
            calculator.add(subscription);
        }
        List<MrrCalculator.CurrencyTotal> totals = calculator.totals();
        return totals.isEmpty() ? 0 : totals.get(0).amountCents();
    }

    @Test
    void aMonthlyPriceCountsItsUnitAmount() {
        assertThat(mrr(subscription("active", List.of(item(price(1000, "usd", "month", 1, "licensed"), 1L, "")), ""))).isEqualTo(1000);
    }

    @Test
    void quantityMultipliesAndAMissingQuantityIsOne() {
        assertThat(mrr(subscription("active", List.of(item(price(1000, "usd", "month", 1, "licensed"), 3L, "")), ""))).isEqualTo(3000);
        assertThat(mrr(subscription("active", List.of(item(price(1000, "usd", "month", 1, "licensed"), null, "")), ""))).isEqualTo(1000);
    }

    @Test
    void everyIntervalIsNormalisedToOneMonth() {
        assertThat(mrr(subscription("active", List.of(item(price(12_000, "usd", "year", 1, "licensed"), 1L, "")), ""))).isEqualTo(1000);
        assertThat(mrr(subscription("active", List.of(item(price(24_000, "usd", "year", 2, "licensed"), 1L, "")), ""))).isEqualTo(1000);
        assertThat(mrr(subscription("active", List.of(item(price(3000, "usd", "month", 3, "licensed"), 1L, "")), ""))).isEqualTo(1000);
        // 100 a week: 100 x 52 / 12 = 433.33...
        assertThat(mrr(subscription("active", List.of(item(price(100, "usd", "week", 1, "licensed"), 1L, "")), ""))).isEqualTo(433);
        // 10 a day: 10 x 365 / 12 = 304.17
        assertThat(mrr(subscription("active", List.of(item(price(10, "usd", "day", 1, "licensed"), 1L, "")), ""))).isEqualTo(304);
        // every 2 weeks, 3 seats of 700: 2100 x 52 / 12 / 2 = 4550
        assertThat(mrr(subscription("active", List.of(item(price(700, "usd", "week", 2, "licensed"), 3L, "")), ""))).isEqualTo(4550);
    }

    @Test
    void aYearlyPlanIsNotCountedTwelveTimesOver() {
        Subscription yearly = subscription("active", List.of(item(price(120_000, "usd", "year", 1, "licensed"), 1L, "")), "");
        assertThat(mrr(yearly)).isEqualTo(10_000);
    }

    @Test
    void legacyItemsWithAPlanAndNoPriceCountTheSameWay() {
        assertThat(mrr(subscription("active", List.of(legacyItem(2000, "month")), ""))).isEqualTo(2000);
        assertThat(mrr(subscription("active", List.of(legacyItem(24_000, "year")), ""))).isEqualTo(2000);
    }

    @Test
    void onlyActiveAndPastDueSubscriptionsCount() {
        String monthly = item(price(1000, "usd", "month", 1, "licensed"), 1L, "");
        for (String status : List.of("trialing", "incomplete", "incomplete_expired", "canceled", "unpaid", "paused")) {
            assertThat(mrr(subscription(status, List.of(monthly), ""))).as(status).isZero();
        }
        assertThat(mrr(subscription("past_due", List.of(monthly), ""))).isEqualTo(1000);
        MrrCalculator calculator = calculator();
        calculator.add(subscription("active", List.of(monthly), ""));
        calculator.add(subscription("past_due", List.of(monthly), ""));
        calculator.add(subscription("trialing", List.of(monthly), ""));
        assertThat(calculator.totals()).containsExactly(new MrrCalculator.CurrencyTotal("usd", 2000, 2));
    }

    @Test
    void meteredItemsAreLeftOutAndCounted() {
        MrrCalculator calculator = calculator();
        calculator.add(subscription("active", List.of(
                item(price(1000, "usd", "month", 1, "licensed"), 1L, ""),
                item(price(5, "usd", "month", 1, "metered"), null, "")), ""));

        assertThat(calculator.totals()).containsExactly(new MrrCalculator.CurrencyTotal("usd", 1000, 1));
        assertThat(calculator.meteredItemsExcluded()).isEqualTo(1);
    }

    @Test
    void percentOffReducesTheSubscriptionOrTheItem() {
        String monthly = item(price(1000, "usd", "month", 1, "licensed"), 1L, "");
        assertThat(mrr(subscription("active", List.of(monthly), discount(percentOff(25, "forever"), null)))).isEqualTo(750);
        String discountedItem = item(price(1000, "usd", "month", 1, "licensed"), 2L, discount(percentOff(50, "repeating"), NOW.getEpochSecond() + 86_400));
        assertThat(mrr(subscription("active", List.of(discountedItem, monthly), ""))).isEqualTo(2000);
    }

    @Test
    void amountOffIsBilledPerPeriodSoItIsNormalisedLikeThePrice() {
        String monthly = item(price(2000, "usd", "month", 1, "licensed"), 1L, "");
        assertThat(mrr(subscription("active", List.of(monthly), discount(amountOff(500, "usd", "forever"), null)))).isEqualTo(1500);
        // 12,000 a year with 1,200 off each year: 1,000 - 100 a month
        String yearly = item(price(12_000, "usd", "year", 1, "licensed"), 1L, "");
        assertThat(mrr(subscription("active", List.of(yearly), discount(amountOff(1200, "usd", "forever"), null)))).isEqualTo(900);
        // Never below zero
        assertThat(mrr(subscription("active", List.of(monthly), discount(amountOff(5000, "usd", "forever"), null)))).isZero();
    }

    @Test
    void discountsThatEndedOrApplyOnceDoNotReduceRecurringRevenue() {
        String monthly = item(price(1000, "usd", "month", 1, "licensed"), 1L, "");
        assertThat(mrr(subscription("active", List.of(monthly), discount(percentOff(50, "once"), null)))).isEqualTo(1000);
        assertThat(mrr(subscription("active", List.of(monthly), discount(percentOff(50, "repeating"), NOW.getEpochSecond() - 1)))).isEqualTo(1000);
        assertThat(mrr(subscription("active", List.of(monthly), discount(percentOff(50, "repeating"), NOW.getEpochSecond() + 1)))).isEqualTo(500);
    }

    @Test
    void anAmountOffInAnotherCurrencyIsIgnored() {
        String monthly = item(price(1000, "usd", "month", 1, "licensed"), 1L, "");
        assertThat(mrr(subscription("active", List.of(monthly), discount(amountOff(500, "eur", "forever"), null)))).isEqualTo(1000);
    }

    @Test
    void aCouponLimitedToProductsOnlyReducesThoseItems() {
        String coupon = """
                {"id": "prodonly", "object": "coupon", "duration": "forever", "percent_off": 50, "valid": true,
                 "applies_to": {"products": ["prod_B"]}}""";
        String onA = item(price(1000, "usd", "month", 1, "licensed"), 1L, "");
        String onB = item(price(1000, "usd", "month", 1, "licensed").replace("prod_A", "prod_B"), 1L, "");
        assertThat(mrr(subscription("active", List.of(onA, onB), discount(coupon, null)))).isEqualTo(1500);
    }

    @Test
    void aDiscountCarryingOnlyTheCouponIdIsLookedUpOnce() {
        coupons.put("SAVE10", ApiResource.GSON.fromJson(percentOff(10, "forever").replace("pct10_0", "SAVE10"), Coupon.class));
        String byId = """
                {"id": "di_x", "object": "discount", "end": null, "source": {"type": "coupon", "coupon": "SAVE10"}}""";
        String monthly = item(price(1000, "usd", "month", 1, "licensed"), 1L, "");
        MrrCalculator calculator = new MrrCalculator(new java.util.function.Function<>() {
            private final Map<String, Coupon> cache = new HashMap<>();

            @Override
            public Coupon apply(String id) {
                return cache.computeIfAbsent(id, key -> {
                    couponLookups.add(key);
                    return coupons.get(key);
                });
            }
        }, NOW);
        calculator.add(subscription("active", List.of(monthly), byId));
        calculator.add(subscription("active", List.of(monthly), byId));

        assertThat(calculator.totals()).containsExactly(new MrrCalculator.CurrencyTotal("usd", 1800, 2));
        assertThat(couponLookups).containsExactly("SAVE10");
    }

    @Test
    void currenciesAreNeverAddedTogether() {
        MrrCalculator calculator = calculator();
        calculator.add(subscription("active", List.of(item(price(1000, "usd", "month", 1, "licensed"), 1L, "")), ""));
        calculator.add(subscription("active", List.of(item(price(5000, "eur", "month", 1, "licensed"), 1L, "")), ""));
        calculator.add(subscription("active", List.of(item(price(300, "usd", "month", 1, "licensed"), 1L, "")), ""));

        assertThat(calculator.totals()).containsExactly(
                new MrrCalculator.CurrencyTotal("eur", 5000, 1),
                new MrrCalculator.CurrencyTotal("usd", 1300, 2));
    }

    @Test
    void roundingHappensOnceOnTheTotalNotPerItem() {
        // Three weekly items of 1 each: 3 x 4.333 = 13, where rounding each would give 12.
        String weekly = item(price(1, "usd", "week", 1, "licensed"), 1L, "");
        MrrCalculator calculator = calculator();
        calculator.add(subscription("active", List.of(weekly), ""));
        calculator.add(subscription("active", List.of(weekly), ""));
        calculator.add(subscription("active", List.of(weekly), ""));
        assertThat(calculator.totals().get(0).amountCents()).isEqualTo(13);
    }
}
