package io.tributary.connector.stripe.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Generated accounts are reproducible, cover every status and interval, and are fast to make. */
class AccountGeneratorTest {

    @Test
    void theSameSeedGivesByteIdenticalJson() {
        assertThat(dump(FakeStripeAccount.generate(11, AccountSize.small())))
                .isEqualTo(dump(FakeStripeAccount.generate(11, AccountSize.small())));
    }

    @Test
    void anotherSeedGivesAnotherAccount() {
        FakeStripeAccount one = FakeStripeAccount.generate(11, AccountSize.small());
        FakeStripeAccount two = FakeStripeAccount.generate(12, AccountSize.small());
        assertThat(dump(one)).isNotEqualTo(dump(two));
        assertThat(one.id()).isNotEqualTo(two.id());
    }

    @Test
    void sizesAreHonoured() {
        FakeStripeAccount account = FakeStripeAccount.generate(1, AccountSize.of(40, 70, 90));
        assertThat(account.count("customer")).isEqualTo(40);
        assertThat(account.count("subscription")).isEqualTo(70);
        assertThat(account.count("invoice")).isEqualTo(70);
        assertThat(account.count("payment_intent") + countWithoutIntent(account)).isEqualTo(90);
        for (StripeObjectType type : StripeObjectType.values()) {
            assertThat(account.count(type.objectName())).as(type.objectName()).isPositive();
        }
    }

    @Test
    void subscriptionsCoverEveryStatusIntervalAndDiscountKind() {
        FakeStripeAccount account = FakeStripeAccount.generate(2, AccountSize.of(30, 60, 10));
        Set<String> statuses = new HashSet<>();
        Set<String> intervals = new HashSet<>();
        Set<String> currencies = new HashSet<>();
        boolean metered = false;
        boolean legacyPlan = false;
        boolean subscriptionDiscount = false;
        boolean itemDiscount = false;
        boolean multipleQuantity = false;
        for (ObjectNode subscription : account.objects("subscription")) {
            statuses.add(subscription.get("status").asText());
            currencies.add(subscription.get("currency").asText());
            subscriptionDiscount |= !subscription.get("discounts").isEmpty();
            for (JsonNode item : subscription.get("items").get("data")) {
                JsonNode plan = item.get("plan");
                intervals.add(plan.get("interval").asText() + "x" + plan.get("interval_count").asInt());
                metered |= "metered".equals(plan.get("usage_type").asText());
                legacyPlan |= plan.get("id").asText().startsWith("plan_");
                itemDiscount |= !item.get("discounts").isEmpty();
                multipleQuantity |= item.get("quantity").asLong() > 1;
            }
        }
        assertThat(statuses).containsExactlyInAnyOrderElementsOf(SubscriptionSpec.STATUSES);
        for (String interval : List.of("day", "week", "month", "year")) {
            for (int count = 1; count <= 3; count++) {
                assertThat(intervals).contains(interval + "x" + count);
            }
        }
        assertThat(currencies).hasSizeGreaterThan(1);
        assertThat(metered).isTrue();
        assertThat(legacyPlan).isTrue();
        assertThat(subscriptionDiscount).isTrue();
        assertThat(itemDiscount).isTrue();
        assertThat(multipleQuantity).isTrue();
    }

    @Test
    void createdTimestampsStayInsideTheWindow() {
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        Instant to = Instant.parse("2024-04-01T00:00:00Z");
        FakeStripeAccount account = FakeStripeAccount.generate(9, AccountSize.small(), from, to);
        assertThat(account.now()).isEqualTo(to.getEpochSecond());
        for (String type : List.of("customer", "subscription", "charge", "product", "payout")) {
            assertThat(account.objects(type)).allSatisfy(object ->
                    assertThat(object.get("created").asLong()).isBetween(from.getEpochSecond(), to.getEpochSecond()));
        }
    }

    /** Large accounts are generated whole; how fast is the benchmarks' business (BENCHMARKS.md), not a test's. */
    @Test
    void tenThousandSubscriptionsAreGeneratedWhole() {
        FakeStripeAccount account = FakeStripeAccount.generate(3, AccountSize.of(2_000, 10_000, 2_000));
        assertThat(account.count("subscription")).isEqualTo(10_000);
        assertThat(account.count("customer")).isEqualTo(2_000);
    }

    private static long countWithoutIntent(FakeStripeAccount account) {
        return account.objects("charge").stream().filter(charge -> charge.get("payment_intent").isNull()).count();
    }

    /** Everything the API could serve, as one string. */
    private static String dump(FakeStripeAccount account) {
        StringBuilder all = new StringBuilder(Json.write(account.account())).append(Json.write(account.balance()));
        for (StripeObjectType type : StripeObjectType.values()) {
            account.objects(type).forEach(object -> all.append(Json.write(object)).append('\n'));
        }
        return all.toString();
    }
}
