package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * MRR of a generated account with 10,000 subscriptions in every status, interval, currency and
 * discount: the number of requests is the number of pages of subscriptions and of coupons, and
 * the figure equals one computed here independently from the fake's stored objects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MrrAtScaleTest {

    private static final int SUBSCRIPTIONS = 10_000;
    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private FakeStripe fake;
    private JsonNode mrr;

    @BeforeAll
    void runMrrOnTenThousandSubscriptions() {
        fake = FakeStripe.start(FakeStripeAccount.generate(2026, AccountSize.of(2_000, SUBSCRIPTIONS, 0)));
        String key = fake.addKey(KeyAccess.allReads());
        InstalledConnector connector = StripeConnectors.pointedAt(fake, StripeConnectors.FAST);
        try {
            mrr = connector.connector().runQuery(FakeStripeContexts.context(fake, key), ParameterValidator.prepare(connector, "stripe.mrr", null))
                    .data();
        } finally {
            connector.connector().close();
        }
    }

    @AfterAll
    void stop() {
        fake.close();
    }

    private List<JsonNode> subscriptions(String status) {
        return fake.account().objects("subscription").stream().filter(s -> s.get("status").asText().equals(status))
                .map(JsonNode.class::cast).toList();
    }

    private static long pages(int objects) {
        return Math.max(1, (objects + 99) / 100);
    }

    @Test
    void requestsAreThePagesOfActiveAndPastDueSubscriptionsAndOfCoupons() {
        int active = subscriptions("active").size();
        int pastDue = subscriptions("past_due").size();
        int coupons = fake.account().count("coupon");
        assertThat(fake.account().count("subscription")).isEqualTo(SUBSCRIPTIONS);
        assertThat(distinctCoupons()).as("coupons in use").isPositive();

        assertThat(fake.requestCount("/v1/subscriptions")).isEqualTo(pages(active) + pages(pastDue));
        assertThat(fake.requestCount("/v1/coupons")).isEqualTo(pages(coupons));
        // ... and one read of the account, for its default currency.
        assertThat(fake.requestCount("/v1/account")).isEqualTo(1);
        assertThat(fake.requestCount()).isEqualTo(pages(active) + pages(pastDue) + pages(coupons) + 1);
    }

    @Test
    void theFigureEqualsAnIndependentComputation() {
        Map<String, BigDecimal> expected = expectedMrr();
        assertThat(mrr.get("by_currency")).hasSize(expected.size());
        for (JsonNode currency : mrr.get("by_currency")) {
            BigDecimal amount = expected.get(currency.get("currency").asText());
            assertThat(currency.get("amount_cents").asLong()).as(currency.get("currency").asText())
                    .isEqualTo(amount.setScale(0, RoundingMode.HALF_UP).longValueExact());
        }
        assertThat(mrr.get("currency").asText()).isEqualTo(fake.account().defaultCurrency());
        assertThat(mrr.get("metered_items_excluded").asLong()).isPositive();
    }

    private long distinctCoupons() {
        Set<String> coupons = new HashSet<>();
        for (String status : List.of("active", "past_due")) {
            for (JsonNode subscription : subscriptions(status)) {
                subscription.path("discounts").forEach(id -> coupons.add(couponOf(id.asText()).get("id").asText()));
                subscription.at("/items/data").forEach(item ->
                        item.path("discounts").forEach(id -> coupons.add(couponOf(id.asText()).get("id").asText())));
            }
        }
        return coupons.size();
    }

    private JsonNode couponOf(String discountId) {
        JsonNode discount = fake.account().object("discount", discountId).orElseThrow();
        return fake.account().object("coupon", discount.at("/source/coupon").asText()).orElseThrow();
    }

    /** The MRR rules written out again, straight over the stored JSON. */
    private Map<String, BigDecimal> expectedMrr() {
        long now = fake.account().now();
        Map<String, BigDecimal> totals = new HashMap<>();
        for (String status : List.of("active", "past_due")) {
            for (JsonNode subscription : subscriptions(status)) {
                BigDecimal total = BigDecimal.ZERO;
                String currency = null;
                String interval = null;
                long count = 1;
                for (JsonNode item : subscription.at("/items/data")) {
                    JsonNode price = item.path("price").isObject() ? item.get("price") : item.get("plan");
                    JsonNode recurring = price.path("recurring");
                    String itemInterval = recurring.isObject() ? recurring.get("interval").asText() : price.path("interval").asText();
                    long itemCount = recurring.isObject() ? recurring.get("interval_count").asLong() : price.path("interval_count").asLong(1);
                    String usage = recurring.isObject() ? recurring.get("usage_type").asText() : price.path("usage_type").asText();
                    if (usage.equals("metered")) {
                        continue;
                    }
                    long unit = price.has("unit_amount") ? price.get("unit_amount").asLong() : price.get("amount").asLong();
                    long quantity = item.path("quantity").isNumber() ? item.get("quantity").asLong() : 1;
                    BigDecimal monthly = monthly(BigDecimal.valueOf(unit * quantity), itemInterval, itemCount);
                    for (JsonNode discountId : item.path("discounts")) {
                        monthly = discounted(monthly, discountId.asText(), price.get("currency").asText(), itemInterval, itemCount, now);
                    }
                    total = total.add(monthly);
                    currency = price.get("currency").asText();
                    interval = itemInterval;
                    count = itemCount;
                }
                if (currency == null) {
                    continue;
                }
                for (JsonNode discountId : subscription.path("discounts")) {
                    total = discounted(total, discountId.asText(), currency, interval, count, now);
                }
                totals.merge(currency, total.max(BigDecimal.ZERO), BigDecimal::add);
            }
        }
        return totals;
    }

    private BigDecimal discounted(BigDecimal amount, String discountId, String currency, String interval, long count, long now) {
        JsonNode discount = fake.account().object("discount", discountId).orElseThrow();
        JsonNode coupon = couponOf(discountId);
        if (coupon.get("duration").asText().equals("once") || (discount.get("end").isNumber() && discount.get("end").asLong() <= now)) {
            return amount;
        }
        if (coupon.get("percent_off").isNumber()) {
            return amount.multiply(BigDecimal.ONE.subtract(coupon.get("percent_off").decimalValue().divide(BigDecimal.valueOf(100), PRECISION)), PRECISION);
        }
        if (coupon.get("currency").asText().equals(currency)) {
            return amount.subtract(monthly(BigDecimal.valueOf(coupon.get("amount_off").asLong()), interval, count)).max(BigDecimal.ZERO);
        }
        return amount;
    }

    private static BigDecimal monthly(BigDecimal amount, String interval, long count) {
        BigDecimal perMonth = switch (interval) {
            case "day" -> amount.multiply(BigDecimal.valueOf(365)).divide(BigDecimal.valueOf(12), PRECISION);
            case "week" -> amount.multiply(BigDecimal.valueOf(52)).divide(BigDecimal.valueOf(12), PRECISION);
            case "month" -> amount;
            case "year" -> amount.divide(BigDecimal.valueOf(12), PRECISION);
            default -> throw new IllegalStateException(interval);
        };
        return perMonth.divide(BigDecimal.valueOf(count), PRECISION);
    }
}
