package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.stripe.MirrorAgreement.Query;
import io.tributary.connector.stripe.fake.AccountSize;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.connector.stripe.fake.SubscriptionSpec;
import io.tributary.connector.stripe.fake.SubscriptionSpec.Item;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After a stream of changes made through the fake's mutations, each recording the events Stripe
 * would, and applied to the mirror through the change feed (and the creation-time reads the host
 * makes), the answers from the mirror still equal the live ones. The context's clock follows the
 * account's clock, which moves between steps.
 */
class MirrorAfterChangesTest {

    private InstalledConnector connector;
    private FakeStripeAccount account;
    private FakeStripe fake;
    private String key;
    private InMemoryMirror mirror;
    private MirrorAgreement agreement;

    @BeforeEach
    void start() {
        account = FakeStripeAccount.generate(5, AccountSize.of(80, 200, 150));
        account.recordCreationEvents(true); // new objects announce themselves, as Stripe's do
        fake = FakeStripe.start(account);
        key = fake.addKey(KeyAccess.allReads());
        connector = StripeConnectors.pointedAt(fake, StripeConnectors.FAST);
        mirror = InMemoryMirror.backfill(connector.streams().orElseThrow(), this::context, MirrorQueriesTest.ALL_STREAMS);
        agreement = new MirrorAgreement(connector, this::context, mirror);
        agreement.assertAllAgree(account.now());
    }

    @AfterEach
    void stop() {
        connector.connector().close();
        fake.close();
    }

    private ConnectorContext context() {
        return FakeStripeContexts.following(fake, key);
    }

    /** Applies the feed to the mirror and checks every query; returns the changes applied. */
    private long syncAndCompare() {
        long before = mirror.changesApplied();
        mirror.sync();
        agreement.assertAllAgree(account.now());
        assertThat(mirror.records("subscriptions")).as("mirrored subscriptions with unexpanded discounts")
                .noneMatch(SubscriptionDiscounts::unexpanded);
        return mirror.changesApplied() - before;
    }

    private List<ObjectNode> subscriptions(Predicate<JsonNode> which) {
        return account.objects("subscription").stream().filter(which).toList();
    }

    private static boolean status(JsonNode subscription, String status) {
        return subscription.get("status").asText().equals(status);
    }

    private static boolean undiscounted(JsonNode subscription) {
        if (!subscription.get("discounts").isEmpty()) {
            return false;
        }
        for (JsonNode item : subscription.at("/items/data")) {
            if (!item.get("discounts").isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private String couponIn(String currency) {
        return account.objects("coupon").stream()
                .filter(coupon -> coupon.get("currency").isNull() || coupon.get("currency").asText().equals(currency))
                .filter(coupon -> !coupon.get("duration").asText().equals("once"))
                .map(coupon -> coupon.get("id").asText()).findFirst().orElseThrow();
    }

    private ObjectNode changes() {
        return MirrorAgreement.JSON.createObjectNode();
    }

    @Test
    void couponsAppliedToSubscriptionsAndItemsReachTheMirrorExpanded() {
        account.advanceClock(Duration.ofHours(1));
        List<ObjectNode> plain = subscriptions(s -> status(s, "active") && undiscounted(s));
        String percent = account.percentOffCoupon(20, "forever");
        String repeating = account.percentOffCoupon(15, "repeating");
        account.applyCoupon(plain.get(0).get("id").asText(), percent);
        account.applyCoupon(plain.get(1).get("id").asText(), repeating);
        account.applyCoupon(plain.get(2).get("id").asText(), couponIn(plain.get(2).get("currency").asText()));
        account.advanceClock(Duration.ofMinutes(1));
        account.applyItemCoupon(plain.get(3).at("/items/data/0/id").asText(), percent);
        account.applyItemCoupon(plain.get(4).at("/items/data/0/id").asText(), couponIn(plain.get(4).get("currency").asText()));
        long readsBefore = mirror.objectReads();

        syncAndCompare();

        // Each subscription event held discount ids: the host read those subscriptions again.
        assertThat(mirror.objectReads() - readsBefore).isEqualTo(5);
        ObjectNode mirrored = mirror.records("subscriptions").stream()
                .filter(s -> s.get("id").asText().equals(plain.get(0).get("id").asText())).findFirst().orElseThrow();
        assertThat(mirrored.at("/discounts/0/source/coupon").asText()).isEqualTo(percent);
    }

    @Test
    void aLongRunOfChangesKeepsEveryAnswerEqual() {
        // 1. Quantities and statuses change; a discounted subscription is canceled.
        account.advanceClock(Duration.ofHours(2));
        List<ObjectNode> active = subscriptions(s -> status(s, "active"));
        account.update("subscription_item", active.get(0).at("/items/data/0/id").asText(), changes().put("quantity", 7));
        account.update("subscription", active.get(1).get("id").asText(), changes().put("status", "past_due"));
        account.update("subscription", subscriptions(s -> status(s, "past_due")).get(0).get("id").asText(), changes().put("status", "active"));
        account.update("subscription", subscriptions(s -> status(s, "trialing")).get(0).get("id").asText(), changes().put("status", "active"));
        account.delete("subscription", subscriptions(s -> status(s, "active") && !undiscounted(s)).get(0).get("id").asText());
        assertThat(syncAndCompare()).isPositive();

        // 2. New subscriptions: one with coupons on it and on an item, one without.
        account.advanceClock(Duration.ofHours(3));
        String product = account.product("Late plan");
        String price = account.price(product, 2_300, "eur", "month", 1, "licensed");
        String other = account.price(product, 900, "eur", "month", 1, "licensed");
        String coupon = account.amountOffCoupon(400, "eur", "forever");
        String itemCoupon = account.percentOffCoupon(30, "forever");
        account.subscription(SubscriptionSpec.of(account.customer("late@example.com"), "active",
                Item.price(price, 2).withCoupon(itemCoupon), Item.price(other, 1)).withCoupon(coupon).withCreated(account.now()));
        account.subscription(SubscriptionSpec.of(account.customer("later@example.com"), "past_due", Item.price(price, 1))
                .withCreated(account.now()));
        syncAndCompare();

        // 3. Payments: charges with and without customers and emails, refunds, a payout; a customer's
        //    email changes and another customer is deleted.
        account.advanceClock(Duration.ofDays(1));
        String ann = account.customer("ann.new@example.com");
        String payingWithoutEmail = account.customer(null);
        String paid = account.charge(ann, 12_000, "usd", "succeeded", null, null, account.now());
        account.advanceClock(Duration.ofSeconds(5));
        account.charge(payingWithoutEmail, 3_000, "eur", "succeeded", "bill@example.com", null, account.now());
        account.advanceClock(Duration.ofSeconds(5));
        account.charge(null, 700, "gbp", "failed", null, "guest@example.com", account.now());
        account.advanceClock(Duration.ofSeconds(5));
        account.paymentIntent(ann, 4_400, "usd", "succeeded", account.now());
        account.advanceClock(Duration.ofSeconds(5));
        account.refund(paid, 5_000, account.now());
        account.payout(2_000, "usd", "paid", account.now() + 2 * 86_400, account.now());
        account.advanceClock(Duration.ofMinutes(1));
        account.update("customer", ann, changes().put("email", "ann.renamed@example.com"));
        String leaving = account.objects("charge").stream().filter(charge -> charge.get("customer").isTextual())
                .map(charge -> charge.get("customer").asText()).filter(id -> !id.equals(ann) && !id.equals(payingWithoutEmail))
                .findFirst().orElseThrow();
        account.delete("customer", leaving); // cancels the customer's subscriptions too
        syncAndCompare();
        JsonNode newest = agreement.assertSame(new Query("stripe.recent_charges", "{\"limit\": 10}")).data().get("charges");
        assertThat(newest.findValuesAsText("customer_email")).contains("ann.renamed@example.com", "bill@example.com", "guest@example.com");

        // 4. A coupon in use is deleted; a subscription's discounts are removed.
        account.advanceClock(Duration.ofHours(5));
        String discountInUse = subscriptions(s -> status(s, "active") && !s.get("discounts").isEmpty()).get(0).at("/discounts/0").asText();
        account.delete("coupon", account.object("discount", discountInUse).orElseThrow().at("/source/coupon").asText());
        String discounted = subscriptions(s -> status(s, "active") && !s.get("discounts").isEmpty()).get(0).get("id").asText();
        account.update("subscription", discounted, changes().set("discounts", MirrorAgreement.JSON.createArrayNode()));
        syncAndCompare();

        // 5. Time passes: repeating discounts end and revenue periods move on, with a few changes.
        account.advanceClock(Duration.ofDays(20));
        account.charge(ann, 1_500, "usd", "succeeded", null, null, account.now());
        account.update("subscription", subscriptions(s -> status(s, "active")).get(2).get("id").asText(),
                changes().put("cancel_at_period_end", true));
        syncAndCompare();
        account.advanceClock(Duration.ofDays(80)); // the feed's cursor expires: the mirror is read again
        account.update("subscription", subscriptions(s -> status(s, "active")).get(3).get("id").asText(), changes().put("status", "past_due"));
        syncAndCompare();
    }
}
