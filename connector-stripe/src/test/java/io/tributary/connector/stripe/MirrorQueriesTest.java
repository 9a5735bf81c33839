package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.MirrorQueries;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.stripe.MirrorAgreement.Query;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.connector.stripe.fake.SubscriptionSpec;
import io.tributary.connector.stripe.fake.SubscriptionSpec.Item;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * stripe.mrr, stripe.recent_charges and stripe.revenue answered from a mirror kept through the
 * SPI ({@link InMemoryMirror}) give exactly the live results: on an account whose objects are
 * placed one by one to cover every rule, and on generated accounts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MirrorQueriesTest {

    private static final Map<String, String> FAST = StripeConnectors.FAST;
    static final Set<String> ALL_STREAMS = Set.of("subscriptions", "coupons", "charges", "customers", "balance_transactions");
    private static final long DAY = 86_400;

    private InstalledConnector connector;
    private MirrorQueries mirrorQueries;
    private FakeStripeAccount account;
    private FakeStripe fake;
    private String key;
    private long now;
    private InMemoryMirror mirror;
    private MirrorAgreement agreement;

    @BeforeAll
    void placeObjects() {
        account = FakeStripeAccount.create();
        now = account.now();
        String pro = account.product("Pro");
        String addOn = account.product("Add-on");
        String usdMonthly = account.price(pro, 1000, "usd", "month", 1, "licensed");
        String usdMonthlyAddOn = account.price(addOn, 400, "usd", "month", 1, "licensed");
        String usdYearly = account.price(pro, 12_000, "usd", "year", 1, "licensed");
        String usdQuarterly = account.price(pro, 2_700, "usd", "month", 3, "licensed");
        String usdWeekly = account.price(addOn, 100, "usd", "week", 1, "licensed");
        String usdDaily = account.price(addOn, 10, "usd", "day", 1, "licensed");
        String eurMonthly = account.price(pro, 3000, "eur", "month", 1, "licensed");
        String gbpYearly = account.price(pro, 50_000, "gbp", "year", 1, "licensed");
        String metered = account.price(addOn, 5, "usd", "month", 1, "metered");
        String tiered = account.price(addOn, 700, "usd", "month", 1, "licensed");
        // The fake places per-unit prices only: a tiered one has no unit amount.
        account.updateWithoutEvent("price", tiered, MirrorAgreement.JSON.createObjectNode().put("billing_scheme", "tiered")
                .put("tiers_mode", "graduated").putNull("unit_amount").putNull("unit_amount_decimal"));
        String legacyPlan = account.plan(pro, 500, "usd", "month", 1, "licensed");

        String tenForever = account.percentOffCoupon(10, "forever");
        String quarterRepeating = account.percentOffCoupon(25, "repeating");
        String halfOnce = account.percentOffCoupon(50, "once");
        String fiveUsdForever = account.amountOffCoupon(500, "usd", "forever");
        String twoUsdRepeating = account.amountOffCoupon(200, "usd", "repeating");
        String threeEurForever = account.amountOffCoupon(300, "eur", "forever");
        String doomed = account.percentOffCoupon(30, "forever");

        subscription("active", null, Item.price(usdMonthly, 2));
        subscription("past_due", tenForever, Item.price(usdYearly, 1));
        subscription("trialing", tenForever, Item.price(usdMonthly, 5));
        subscription("active", threeEurForever, Item.price(eurMonthly, 1));
        subscription("active", fiveUsdForever, Item.price(eurMonthly, 2)); // a usd amount off a eur subscription
        subscription("active", null, Item.plan(legacyPlan, 1));
        subscription("active", null, Item.price(usdMonthly, 1), Item.metered(metered), Item.price(tiered, 3));
        subscription("canceled", null, Item.price(usdMonthly, 9));
        subscription("active", null, Item.price(usdWeekly, 1).withCoupon(fiveUsdForever));
        subscription("active", fiveUsdForever, Item.price(usdMonthly, 3).withCoupon(twoUsdRepeating), Item.price(usdMonthlyAddOn, 1));
        subscription("active", null, Item.price(usdQuarterly, 2).withCoupon(quarterRepeating));
        subscription("active", quarterRepeating, Item.price(usdDaily, 3));
        subscription("active", halfOnce, Item.price(usdMonthly, 1));
        subscription("active", doomed, Item.price(usdMonthly, 4));
        subscription("past_due", null, Item.price(gbpYearly, 2));
        account.subscription(SubscriptionSpec.of(account.customer("old@example.com"), "active", Item.price(gbpYearly, 1))
                .withCoupon(quarterRepeating).withCreated(now - 200 * DAY)); // its repeating discount has ended
        account.subscription(SubscriptionSpec.of(account.customer("leaving@example.com"), "active", Item.price(usdMonthly, 1))
                .withCancelAtPeriodEnd(true));
        for (String status : List.of("unpaid", "incomplete", "incomplete_expired", "paused")) {
            subscription(status, tenForever, Item.price(usdMonthly, 1));
        }
        account.delete("coupon", doomed); // Stripe no longer finds it: its discount is left out

        String ann = account.customer("ann@example.com");
        String noEmail = account.customer(null);
        String dora = account.customer("dora@example.com");
        account.charge(ann, 7000, "usd", "succeeded", null, null, now - 40 * DAY);
        String big = account.charge(ann, 10_000, "usd", "succeeded", "billing@example.com", null, now - 3 * DAY);
        account.refund(big, 2000, now - 2 * DAY);
        account.charge(noEmail, 5000, "usd", "succeeded", "billing@example.com", "receipt@example.com", now - DAY);
        account.charge(noEmail, 4000, "usd", "succeeded", null, null, now - DAY + 60);
        account.charge(null, 300, "eur", "failed", null, "receipt@example.com", now - 100);
        account.charge(null, 350, "eur", "pending", "  ", null, now - 90);
        String gbp = account.charge(ann, 9_900, "gbp", "succeeded", null, null, now - 6 * 3_600);
        account.refund(gbp, 9_900, now - 3 * 3_600);
        account.charge(dora, 1_234, "usd", "succeeded", "dora-billing@example.com", null, now - 5 * 3_600);
        account.delete("customer", dora); // live, Stripe expands her to a stub without an email
        account.paymentIntent(ann, 2_500, "eur", "succeeded", now - 4 * DAY);
        account.paymentIntent(null, 800, "usd", "requires_payment_method", now - 4 * DAY + 30);
        account.payout(3_000, "usd", "paid", now - 8 * DAY, now - 10 * DAY);
        account.transfer(1_500, "usd", "acct_1Destination0001", now - 9 * DAY);
        account.balanceTransaction("payment", 6_000, 200, 5_800, "eur", now - 12 * DAY);
        account.balanceTransaction("payment_refund", -1_000, 0, -1_000, "eur", now - 11 * DAY);
        account.balanceTransaction("adjustment", -50, 0, -50, "usd", now - 11 * DAY);
        account.balanceTransaction("charge", 1_111, 62, 1_049, "usd", now - 45 * DAY); // exactly at a created_gte below

        fake = FakeStripe.start(account);
        key = fake.addKey(KeyAccess.allReads());
        connector = StripeConnectors.pointedAt(fake, FAST);
        mirrorQueries = connector.mirrorQueries().orElseThrow();
        mirror = InMemoryMirror.backfill(connector.streams().orElseThrow(), this::context, ALL_STREAMS);
        agreement = new MirrorAgreement(connector, this::context, mirror);
    }

    private void subscription(String status, String coupon, Item... items) {
        SubscriptionSpec spec = SubscriptionSpec.of(account.customer(status + "-" + account.count("customer") + "@example.com"), status, items);
        account.subscription(coupon == null ? spec : spec.withCoupon(coupon));
    }

    private ConnectorContext context() {
        return FakeStripeContexts.following(fake, key);
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

    @Test
    void theQueriesNameTheStreamsTheyReadAndOthersNone() {
        assertThat(mirrorQueries.streamsFor(request("stripe.mrr", null))).containsExactlyInAnyOrder("subscriptions", "coupons");
        assertThat(mirrorQueries.streamsFor(request("stripe.recent_charges", null))).containsExactlyInAnyOrder("charges", "customers");
        assertThat(mirrorQueries.streamsFor(request("stripe.revenue", null))).containsExactly("balance_transactions");
        assertThat(mirrorQueries.streamsFor(request("stripe.balance", null))).isEmpty();
        assertThat(mirrorQueries.streamsFor(request("stripe.subscribers", null))).isEmpty();
        assertThat(mirrorQueries.streamsFor(request("stripe.list", "{\"object\": \"customers\"}"))).isEmpty();
        assertThat(mirrorQueries.streamsFor(request("stripe.get", "{\"object\": \"customers\", \"id\": \"cus_123\"}"))).isEmpty();
        QueryRequest balance = request("stripe.balance", null);
        assertThat(mirrorQueries.run(context(), balance, mirror.readerFor(Set.of()))).isEmpty();
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void everyQueryAgreesWithLive() {
        int answered = agreement.assertAllAgree(now);

        assertThat(answered).isEqualTo(MirrorAgreement.queries(now).size()); // no charges of one second here
    }

    @Test
    void mrrFromTheMirrorFollowsEveryRule() {
        QueryResult mrr = agreement.assertSame(new Query("stripe.mrr", null));

        JsonNode data = mrr.data();
        assertThat(data.get("currency").asText()).isEqualTo("usd");
        assertThat(data.get("by_currency")).extracting(node -> node.get("currency").asText()).containsExactlyInAnyOrder("usd", "eur", "gbp");
        assertThat(data.get("metered_items_excluded").asLong()).isEqualTo(1);
        assertThat(data.get("tiered_items_excluded").asLong()).isEqualTo(1);
        assertThat(mrr.notices()).hasSize(2);
        // eur: 3000 less 300 (amount off in eur), and 2 x 3000 untouched by the usd amount off.
        JsonNode eur = find(data.get("by_currency"), "eur");
        assertThat(eur.get("amount_cents").asLong()).isEqualTo(2700 + 6000);
        // gbp: 2 x 50,000 / 12 past due, plus 50,000 / 12 whose repeating discount has ended.
        assertThat(find(data.get("by_currency"), "gbp").get("amount_cents").asLong()).isEqualTo(12_500);
    }

    @Test
    void recentChargesFromTheMirrorCarryTheSameEmails() {
        QueryResult charges = agreement.assertSame(new Query("stripe.recent_charges", "{\"limit\": 100}"));

        List<String> emails = charges.data().get("charges").findValuesAsText("customer_email");
        assertThat(charges.data().get("charges")).hasSize(account.count("charge"));
        assertThat(emails).contains("ann@example.com", "billing@example.com", "receipt@example.com", "dora-billing@example.com");
        assertThat(charges.data().get("charges")).anySatisfy(charge -> assertThat(charge.get("customer_email").isNull()).isTrue());
        assertThat(fake.requestCount()).as("the live query's one request").isEqualTo(1);
    }

    @Test
    void recentChargesAndRevenueFromTheMirrorSendNoRequest() {
        ConnectorContext context = context();
        connector.connector().runQuery(context, request("stripe.revenue", null)); // the account's profile, once an hour
        fake.resetRequests();

        assertThat(agreement.mirrored(new Query("stripe.recent_charges", "{\"limit\": 100}"), context)).isPresent();
        assertThat(agreement.mirrored(new Query("stripe.revenue", "{\"days\": 3660}"), context)).isPresent();
        assertThat(agreement.mirrored(new Query("stripe.mrr", null), context)).isPresent();
        assertThat(fake.requestCount()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"1700", "1", "999", "0"})
    void revenueAgreesWhenTheClockIsBetweenSeconds(long millis) {
        ConnectorContext context = FakeStripeContexts.context(key,
                Clock.fixed(Instant.ofEpochSecond(now - 2 * DAY).plusMillis(millis), ZoneOffset.UTC));
        for (Query query : List.of(new Query("stripe.revenue", null), new Query("stripe.revenue", "{\"days\": 1}"),
                new Query("stripe.revenue", "{\"created_gte\": " + (now - 3 * DAY) + "}"))) {
            agreement.assertSame(query, context);
        }
    }

    @Test
    void revenueCountsTheWindowsEdgesAsStripeDoes() {
        long edge = now - 45 * DAY; // a charge's balance transaction was created exactly then
        QueryResult from = agreement.assertSame(new Query("stripe.revenue", "{\"created_gte\": " + edge + ", \"created_lt\": " + (edge + 1) + "}"));
        QueryResult until = agreement.assertSame(new Query("stripe.revenue", "{\"created_gte\": " + (edge - 1) + ", \"created_lt\": " + edge + "}"));

        assertThat(from.data().get("gross_cents").asLong()).isEqualTo(1_111);
        assertThat(until.data().get("transactions").asLong()).isZero();
    }

    @Test
    void aSubscriptionWithMoreItemsThanEmbeddedIsCompletedFromStripe() {
        ObjectNode twoItems = mirror.records("subscriptions").stream()
                .filter(subscription -> subscription.get("status").asText().equals("active") && subscription.at("/items/data").size() == 2)
                .findFirst().orElseThrow();
        ObjectNode original = twoItems.deepCopy();
        // As Stripe embeds only a first page of items: the second is left to /v1/subscription_items.
        ((ArrayNode) twoItems.at("/items/data")).remove(1);
        ((ObjectNode) twoItems.get("items")).put("has_more", true);
        mirror.replace("subscriptions", twoItems);
        try {
            ConnectorContext context = context();
            QueryResult live = connector.connector().runQuery(context, request("stripe.mrr", "{\"currency\": \"usd\"}"));
            fake.resetRequests();
            Optional<QueryResult> mirrored = agreement.mirrored(new Query("stripe.mrr", "{\"currency\": \"usd\"}"), context);

            assertThat(mirrored).isPresent();
            MirrorAgreement.assertSame("mrr with a subscription's items to complete", live, mirrored.get());
            assertThat(fake.requests()).extracting(request -> request.path()).containsExactly("/v1/subscription_items");
        } finally {
            mirror.replace("subscriptions", original);
        }
    }

    @Test
    void mirroredSubscriptionsWhoseDiscountsAreIdsAreLeftToTheLiveQuery() {
        ObjectNode discounted = mirror.records("subscriptions").stream()
                .filter(subscription -> subscription.get("status").asText().equals("active") && !subscription.get("discounts").isEmpty())
                .findFirst().orElseThrow();
        ObjectNode original = discounted.deepCopy();
        ArrayNode ids = MirrorAgreement.JSON.createArrayNode();
        discounted.get("discounts").forEach(discount -> ids.add(discount.get("id").asText()));
        discounted.set("discounts", ids); // as an event's payload holds them
        mirror.replace("subscriptions", discounted);
        try {
            assertThat(agreement.mirrored(new Query("stripe.mrr", null), context())).isEmpty();
        } finally {
            mirror.replace("subscriptions", original);
        }
        agreement.assertSame(new Query("stripe.mrr", null));
    }

    @Test
    void aReaderRefusesStreamsTheQueryDidNotName() {
        QueryRequest mrr = request("stripe.mrr", null);
        assertThatThrownBy(() -> mirrorQueries.run(context(), mrr, mirror.readerFor(Set.of("subscriptions"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private QueryRequest request(String type, String parameters) {
        return MirrorAgreement.request(connector, new Query(type, parameters));
    }

    private static JsonNode find(JsonNode byCurrency, String currency) {
        for (JsonNode entry : byCurrency) {
            if (entry.get("currency").asText().equals(currency)) {
                return entry;
            }
        }
        throw new AssertionError("No " + currency + " in " + byCurrency);
    }

    // ---- charges of one second ----

    @Test
    void recentChargesOfOneSecondAreLeftToTheLiveQueryWhereTheyDecideTheList() {
        FakeStripeAccount tied = FakeStripeAccount.create();
        long at = tied.now();
        String customer = tied.customer("tied@example.com");
        String c0 = tied.charge(customer, 100, "usd", "succeeded", null, null, at - 1);
        String c1 = tied.charge(customer, 200, "usd", "succeeded", null, null, at - 2);
        String c2 = tied.charge(null, 300, "usd", "succeeded", "guest@example.com", null, at - 3);
        String first = tied.charge(customer, 400, "usd", "succeeded", null, null, at - 5);
        String second = tied.charge(customer, 500, "eur", "failed", null, null, at - 5);
        String c3 = tied.charge(customer, 600, "usd", "succeeded", null, null, at - 10);
        try (FakeStripe tiedFake = FakeStripe.start(tied); StripeConnectors.Closing closing = StripeConnectors.closing(tiedFake, FAST)) {
            InstalledConnector fresh = closing.installed();
            String tiedKey = tiedFake.addKey(KeyAccess.allReads());
            InMemoryMirror tiedMirror = InMemoryMirror.backfill(fresh.streams().orElseThrow(), () -> FakeStripeContexts.following(tiedFake, tiedKey),
                    Set.of("charges", "customers"));
            MirrorAgreement tiedAgreement = new MirrorAgreement(fresh, () -> FakeStripeContexts.following(tiedFake, tiedKey), tiedMirror);

            // Stripe's order within a second is its own: the fake lists the later-stored charge first.
            QueryResult live = tiedAgreement.run(new Query("stripe.recent_charges", "{\"limit\": 10}")).live();
            assertThat(live.data().get("charges").findValuesAsText("id")).containsExactly(c0, c1, c2, second, first, c3);

            // The charges of one second are beyond the list and the one after it: answered.
            for (int limit : List.of(1, 2, 3)) {
                tiedAgreement.assertSame(new Query("stripe.recent_charges", "{\"limit\": " + limit + "}"));
            }
            // They decide which charge is last on the list, or the list's order: left to the live query.
            for (int limit : List.of(4, 5, 6, 100)) {
                assertThat(tiedAgreement.run(new Query("stripe.recent_charges", "{\"limit\": " + limit + "}")).mirrored())
                        .as("limit %d", limit).isEmpty();
            }
        }
    }

    // ---- generated accounts ----

    @ParameterizedTest
    @CsvSource({"1, 12, 16, 20", "7, 60, 150, 200", "42, 200, 400, 300", "2026, 40, 80, 600"})
    void generatedAccountsAgree(long seed, int customers, int subscriptions, int charges) {
        FakeStripeAccount generated = FakeStripeAccount.generate(seed, AccountSize.of(customers, subscriptions, charges));
        try (FakeStripe other = FakeStripe.start(generated); StripeConnectors.Closing closing = StripeConnectors.closing(other, FAST)) {
            InstalledConnector fresh = closing.installed();
            String otherKey = other.addKey(KeyAccess.allReads());
            InMemoryMirror generatedMirror = InMemoryMirror.backfill(fresh.streams().orElseThrow(),
                    () -> FakeStripeContexts.following(other, otherKey), ALL_STREAMS);
            MirrorAgreement generatedAgreement = new MirrorAgreement(fresh, () -> FakeStripeContexts.following(other, otherKey),
                    generatedMirror);

            generatedAgreement.assertAllAgree(generated.now());

            assertThat(generatedMirror.records("subscriptions")).hasSize(subscriptions);
            assertThat(generatedMirror.records("subscriptions")).noneMatch(SubscriptionDiscounts::unexpanded);
        }
    }
}
