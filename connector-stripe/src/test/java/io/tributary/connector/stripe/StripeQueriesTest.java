package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.connector.stripe.fake.SubscriptionSpec;
import io.tributary.connector.stripe.fake.SubscriptionSpec.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every query against a fake account whose objects are placed one by one, so each figure is known. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StripeQueriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DAY = 86_400;

    private InstalledConnector connector;
    private FakeStripe fake;
    private String key;
    private long now;
    private final List<String> chargesNewestFirst = new ArrayList<>();
    private String ann;

    @BeforeAll
    void placeObjects() {
        FakeStripeAccount account = FakeStripeAccount.create();
        now = account.now();
        String product = account.product("Pro");
        String usdMonthly = account.price(product, 1000, "usd", "month", 1, "licensed");
        String usdYearly = account.price(product, 12_000, "usd", "year", 1, "licensed");
        String eurMonthly = account.price(product, 3000, "eur", "month", 1, "licensed");
        String usdWeekly = account.price(product, 100, "usd", "week", 1, "licensed");
        String metered = account.price(product, 5, "usd", "month", 1, "metered");
        String legacyPlan = account.plan(product, 500, "usd", "month", 1, "licensed");
        String tenPercent = account.percentOffCoupon(10, "forever");
        String fiftyOff = account.amountOffCoupon(50, "usd", "forever");

        ann = account.customer("ann@example.com");
        account.subscription(SubscriptionSpec.of(ann, "active", Item.price(usdMonthly, 2)));
        account.subscription(SubscriptionSpec.of(account.customer("bob@example.com"), "past_due", Item.price(usdYearly, 1)));
        account.subscription(SubscriptionSpec.of(account.customer("cy@example.com"), "trialing", Item.price(usdMonthly, 5)));
        account.subscription(SubscriptionSpec.of(account.customer("di@example.com"), "active", Item.price(eurMonthly, 1)).withCoupon(tenPercent));
        account.subscription(SubscriptionSpec.of(account.customer("ed@example.com"), "active", Item.plan(legacyPlan, 1)));
        account.subscription(SubscriptionSpec.of(account.customer("fay@example.com"), "active", Item.price(usdMonthly, 1), Item.metered(metered)));
        account.subscription(SubscriptionSpec.of(account.customer("gil@example.com"), "canceled", Item.price(usdMonthly, 9)));
        account.subscription(SubscriptionSpec.of(account.customer("hal@example.com"), "active", Item.price(usdWeekly, 1).withCoupon(fiftyOff)));

        // Charges: the newest first in the list; a 40-day-old one falls outside a 30-day revenue period.
        String bill = account.customer(null);
        account.charge(ann, 7000, "usd", "succeeded", null, null, now - 40 * DAY);
        String big = account.charge(ann, 10_000, "usd", "succeeded", "billing@example.com", null, now - 3 * DAY);
        account.refund(big, 2000, now - 2 * DAY);
        account.charge(bill, 5000, "usd", "succeeded", "billing@example.com", "receipt@example.com", now - DAY);
        account.charge(null, 300, "eur", "failed", null, "receipt@example.com", now - 100);
        account.balance(Map.of("usd", 150_000L, "eur", 2_000L), Map.of("usd", 5_000L));

        fake = FakeStripe.start(account);
        connector = StripeConnectors.pointedAt(fake);
        key = fake.addKey(KeyAccess.allReads());
        account.objects("charge").stream()
                .sorted((a, b) -> Long.compare(b.get("created").asLong(), a.get("created").asLong()))
                .forEach(charge -> chargesNewestFirst.add(charge.get("id").asText()));
    }

    @AfterAll
    void stop() {
        connector.connector().close();
        fake.close();
    }

    @BeforeEach
    void resetCounts() {
        fake.resetRequests();
    }

    private JsonNode run(String queryType, String parameters) {
        try {
            JsonNode raw = parameters == null ? null : JSON.readTree(parameters);
            QueryResult result = connector.connector().runQuery(FakeStripeContexts.context(fake, key), ParameterValidator.prepare(connector, queryType, raw));
            return result.data();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void mrrFollowsEveryRuleAndKeepsCurrenciesApart() {
        JsonNode mrr = run("stripe.mrr", null);

        // usd: 2 x 1000 + 12000 / 12 + legacy 500 + 1000 (metered left out) + weekly 100 x 52 / 12 less 50 x 52 / 12 = 4716.67
        assertThat(mrr.get("amount_cents").asLong()).isEqualTo(4717);
        assertThat(mrr.get("currency").asText()).isEqualTo("usd");
        assertThat(mrr.get("subscriptions").asLong()).isEqualTo(5);
        assertThat(mrr.get("by_currency")).hasSize(2);
        assertThat(mrr.at("/by_currency/1/currency").asText()).isEqualTo("eur");
        assertThat(mrr.at("/by_currency/1/amount_cents").asLong()).isEqualTo(2700);
        assertThat(mrr.at("/by_currency/1/subscriptions").asLong()).isEqualTo(1);
        assertThat(mrr.get("metered_items_excluded").asLong()).isEqualTo(1);
        assertThat(run("stripe.mrr", "{\"currency\": \"eur\"}").get("amount_cents").asLong()).isEqualTo(2700);
    }

    @Test
    void mrrReadsOnePagePerStatusAndEachCouponOnce() {
        run("stripe.mrr", null);

        assertThat(fake.requestCount("/v1/subscriptions")).isEqualTo(2);
        assertThat(fake.requestCount("/v1/coupons")).isLessThanOrEqualTo(2);
        assertThat(fake.requestCount("/v1/subscription_items")).isZero();
    }

    @Test
    void balanceShowsTheLargestCurrencyOnTopAndAllOfThem() {
        JsonNode balance = run("stripe.balance", null);

        assertThat(balance.get("available_cents").asLong()).isEqualTo(150_000);
        assertThat(balance.get("pending_cents").asLong()).isEqualTo(5_000);
        assertThat(balance.get("currency").asText()).isEqualTo("usd");
        assertThat(balance.get("by_currency")).hasSize(2);
        assertThat(run("stripe.balance", "{\"currency\": \"eur\"}").get("available_cents").asLong()).isEqualTo(2_000);
        assertThat(fake.requestCount("/v1/balance")).isEqualTo(2);
    }

    @Test
    void recentChargesAreNewestFirstWithTheBestEmailInOneRequest() {
        JsonNode charges = run("stripe.recent_charges", "{\"limit\": 3}").get("charges");

        assertThat(charges).hasSize(3);
        assertThat(charges.get(0).get("id").asText()).isEqualTo(chargesNewestFirst.get(0));
        assertThat(charges.get(0).get("status").asText()).isEqualTo("failed");
        assertThat(charges.get(0).get("currency").asText()).isEqualTo("eur");
        assertThat(charges.get(0).get("customer_email").asText()).isEqualTo("receipt@example.com");
        assertThat(charges.get(1).get("amount_cents").asLong()).isEqualTo(5000);
        assertThat(charges.get(1).get("customer_email").asText()).isEqualTo("billing@example.com");
        assertThat(charges.get(2).get("customer_email").asText()).isEqualTo("ann@example.com");
        assertThat(charges.get(2).get("created_at_unix").asLong()).isEqualTo(now - 3 * DAY);
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    @Test
    void listPagesThroughAnyObjectWithItsFilters() {
        JsonNode first = run("stripe.list", "{\"object\": \"customers\", \"limit\": 4}");
        assertThat(first.get("data")).hasSize(4);
        assertThat(first.get("has_more").asBoolean()).isTrue();
        JsonNode rest = run("stripe.list", "{\"object\": \"customers\", \"limit\": 100, \"starting_after\": \""
                + first.get("next_cursor").asText() + "\"}");
        assertThat(first.get("data").size() + rest.get("data").size()).isEqualTo(9);
        assertThat(rest.get("has_more").asBoolean()).isFalse();
        assertThat(rest.get("next_cursor").isNull()).isTrue();

        JsonNode byEmail = run("stripe.list", "{\"object\": \"customers\", \"email\": \"ann@example.com\"}");
        assertThat(byEmail.get("data")).singleElement().satisfies(customer -> assertThat(customer.get("id").asText()).isEqualTo(ann));
        JsonNode annsCharges = run("stripe.list", "{\"object\": \"charges\", \"customer\": \"" + ann + "\"}");
        assertThat(annsCharges.get("data")).hasSize(2);
        JsonNode recent = run("stripe.list", "{\"object\": \"charges\", \"created_gte\": " + (now - 2 * DAY) + "}");
        assertThat(recent.get("data")).hasSize(2);
    }

    @Test
    void objectsUnderAParentAreListedWithTheParentsId() {
        JsonNode invoice = fake.account().objects("invoice").get(0);
        JsonNode lines = run("stripe.list", "{\"object\": \"invoice_line_items\", \"parent\": \"" + invoice.get("id").asText() + "\"}");

        assertThat(lines.get("data")).hasSize(invoice.at("/lines/data").size()).isNotEmpty();
        assertThat(lines.at("/data/0/object").asText()).isEqualTo("line_item");
        for (String invalid : List.of("{\"object\": \"invoice_line_items\"}",
                "{\"object\": \"invoice_line_items\", \"parent\": \"cus_A1b2C3d4\"}",
                "{\"object\": \"invoice_line_items\", \"parent\": \"in_A1b2C3d4\", \"created_gte\": 1}",
                "{\"object\": \"customers\", \"parent\": \"in_A1b2C3d4\"}")) {
            long before = fake.requestCount();
            assertThatThrownBy(() -> run("stripe.list", invalid)).as(invalid)
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMETERS));
            assertThat(fake.requestCount()).isEqualTo(before);
        }
    }

    @Test
    void aParentThatIsNotAnIdIsRefusedByParameterValidationBeforeAnyRequest() {
        // The parent goes into the request path (/v1/invoices/{parent}/lines): "in_x?a" passed the prefix check and
        // reached Stripe as a path with a query string of its own.
        for (String parent : List.of("in_x?a", "../x", "a/b", "in_x%2F..", "in_x a", "", "in_" + "x".repeat(253))) {
            ObjectNode parameters = JSON.createObjectNode().put("object", "invoice_line_items").put("parent", parent);
            long before = fake.requestCount();
            assertThatThrownBy(() -> ParameterValidator.validate(connector.descriptor().queryType("stripe.list").orElseThrow(), parameters))
                    .as("parent %s", parent)
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMETERS);
                        assertThat(e.field()).contains("parent");
                        assertThat(e.getMessage()).contains("does not have the expected form");
                    });
            assertThatThrownBy(() -> run("stripe.list", parameters.toString())).as("running with parent %s", parent)
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.field()).contains("parent"));
            assertThat(fake.requestCount()).as("requests sent for parent %s", parent).isEqualTo(before);
        }
        // 255 characters is the longest id accepted, as for stripe.get's id.
        ObjectNode longest = JSON.createObjectNode().put("object", "invoice_line_items").put("parent", "in_" + "x".repeat(252));
        assertThat(ParameterValidator.problems(connector.descriptor().queryType("stripe.list").orElseThrow(), longest)).isEmpty();
    }

    @Test
    void getReadsOneObjectAndAnUnknownIdIsNotFound() {
        JsonNode customer = run("stripe.get", "{\"object\": \"customers\", \"id\": \"" + ann + "\"}").get("object");
        assertThat(customer.get("email").asText()).isEqualTo("ann@example.com");

        assertThatThrownBy(() -> run("stripe.get", "{\"object\": \"customers\", \"id\": \"cus_DoesNotExist1\"}"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void revenueAddsPaymentsRefundsAndFeesOverThePeriod() {
        JsonNode revenue = run("stripe.revenue", null);

        // 10,000 and 5,000 paid in the last 30 days; 2,000 refunded; fees 2.9% + 30 each: 320 and 175.
        assertThat(revenue.get("gross_cents").asLong()).isEqualTo(15_000);
        assertThat(revenue.get("refunded_cents").asLong()).isEqualTo(2_000);
        assertThat(revenue.get("fees_cents").asLong()).isEqualTo(495);
        assertThat(revenue.get("net_cents").asLong()).isEqualTo(12_505);
        assertThat(revenue.get("transactions").asLong()).isEqualTo(3);
        assertThat(revenue.get("period_end_unix").asLong()).isEqualTo(now);
        assertThat(revenue.get("period_start_unix").asLong()).isEqualTo(now - 30 * DAY);

        JsonNode longer = run("stripe.revenue", "{\"days\": 60}");
        assertThat(longer.get("gross_cents").asLong()).isEqualTo(22_000);
    }

    @Test
    void subscribersCountStatusesAndPayingCustomers() {
        JsonNode subscribers = run("stripe.subscribers", null);

        assertThat(subscribers.get("active_subscriptions").asLong()).isEqualTo(5);
        assertThat(subscribers.get("past_due_subscriptions").asLong()).isEqualTo(1);
        assertThat(subscribers.get("trialing_subscriptions").asLong()).isEqualTo(1);
        assertThat(subscribers.get("paying_customers").asLong()).isEqualTo(6);
    }
}
