package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.Change;
import io.tributary.connector.spi.ChangeFeed;
import io.tributary.connector.spi.ChangePage;
import io.tributary.connector.spi.ChangeRequest;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.stripe.fake.FakeStripe;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.FakeStripePermission;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.connector.stripe.fake.RecordedRequest;
import io.tributary.connector.stripe.fake.SubscriptionSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The change feed over Stripe's events, against the fake Stripe: the account clock and the
 * context's clock agree (each context is built at the account's "now").
 */
class ChangeFeedTest {

    private static final long SKEW = 300;
    private static final long DAY = 86_400;

    private FakeStripeAccount account;
    private FakeStripe fake;
    private InstalledConnector connector;
    private ChangeFeed feed;
    private String key;

    @BeforeEach
    void start() {
        account = FakeStripeAccount.create();
        fake = FakeStripe.start(account);
        connector = StripeConnectors.pointedAt(fake, StripeConnectors.FAST);
        feed = connector.changeFeed().orElseThrow();
        key = fake.addKey(KeyAccess.allReads());
    }

    @AfterEach
    void stop() {
        connector.connector().close();
        fake.close();
    }

    // ---- helpers ----

    /** A context whose clock reads the account clock's now. */
    private ConnectorContext context(String apiKey) {
        return FakeStripeContexts.context(fake, apiKey);
    }

    private String feedStart() {
        return feed.start(context(key));
    }

    private ChangePage read(String cursor, int pageSize, String... streams) {
        return feed.read(context(key), new ChangeRequest(cursor, Set.of(streams), pageSize));
    }

    /** Reads pages until none is left, checking each page's size. */
    private record Drained(List<Change> changes, List<ChangePage> pages, String cursor) {
    }

    private Drained drain(String cursor, int pageSize, String... streams) {
        List<Change> changes = new ArrayList<>();
        List<ChangePage> pages = new ArrayList<>();
        String at = cursor;
        ChangePage page;
        do {
            page = read(at, pageSize, streams);
            assertThat(page.cursorExpired()).isFalse();
            assertThat(page.changes().size()).as("changes on one page").isLessThanOrEqualTo(pageSize);
            if (!page.changes().isEmpty()) {
                assertThat(page.nextCursor()).as("a page with changes moves the cursor").isNotEqualTo(at);
            }
            pages.add(page);
            changes.addAll(page.changes());
            at = page.nextCursor();
            assertThat(pages).as("pages").hasSizeLessThan(1000);
        } while (page.hasMore());
        return new Drained(changes, pages, at);
    }

    /** JSON text, to compare trees whose numbers were parsed as ints on one side and longs on the other. */
    private static String json(JsonNode node) {
        return node.toString();
    }

    private static ObjectNode changes() {
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode newestEvent() {
        List<ObjectNode> events = account.eventsSince(null);
        return events.get(events.size() - 1);
    }

    private String subscribedCustomer(String email) {
        String product = account.product("Team");
        String price = account.price(product, 900, "usd", "month", 1, "licensed");
        String customer = account.customer(email);
        account.subscription(SubscriptionSpec.of(customer, "active", SubscriptionSpec.Item.price(price, 1)));
        return customer;
    }

    private String subscriptionOf(String customer) {
        return account.objects("subscription").stream().filter(sub -> customer.equals(sub.get("customer").asText()))
                .findFirst().orElseThrow().get("id").asText();
    }

    private static List<String> ids(List<Change> changes) {
        return changes.stream().map(Change::objectId).toList();
    }

    private static void assertInvalidCursor(Runnable call, String input) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMETERS);
            assertThat(e.field()).contains("cursor");
            assertThat(e.getMessage()).doesNotContain(input);
        });
    }

    // ---- where the feed starts ----

    @Test
    void theFeedStartsAfterTheNewestEvent() {
        account.customer("quiet@example.com");
        account.recordCreationEvents(true);
        account.customer("loud@example.com");
        String eventId = newestEvent().get("id").asText();

        assertThat(feedStart()).isEqualTo(account.now() + ":" + eventId);

        // Later the newest event is older than the skew allowance: the feed is known complete to now less it.
        account.advanceClock(Duration.ofHours(2));
        String cursor = feedStart();
        assertThat(cursor).isEqualTo((account.now() - SKEW) + ":" + eventId);
        ChangePage page = read(cursor, 100, "customers", "events");
        assertThat(page.changes()).isEmpty();
        assertThat(page.hasMore()).isFalse();
        assertThat(page.cursorExpired()).isFalse();
    }

    @Test
    void anAccountWithoutEventsStartsAtNowLessTheSkewAllowance() {
        assertThat(feedStart()).isEqualTo((account.now() - SKEW) + ":");

        // Events Stripe no longer keeps do not count.
        account.recordCreationEvents(true);
        account.customer("long-ago@example.com");
        account.advanceClock(Duration.ofDays(31));
        String cursor = feedStart();
        assertThat(cursor).isEqualTo((account.now() - SKEW) + ":");

        String customer = account.customer("new@example.com");
        assertThat(read(cursor, 100, "customers").changes()).extracting(Change::objectId).containsExactly(customer);
    }

    // ---- what a read delivers ----

    @Test
    void creationsUpdatesAndDeletionsArriveOldestFirstWithTheirObjects() {
        String product = account.product("Team");
        String price = account.price(product, 900, "usd", "month", 1, "licensed");
        String retired = account.product("Retired");
        String customer = account.customer("first@example.com");
        String subscription = account.subscription(SubscriptionSpec.of(customer, "active", SubscriptionSpec.Item.price(price, 1)));
        String cursor = feedStart();

        account.advanceClock(Duration.ofMinutes(1));
        account.recordCreationEvents(true);
        String newcomer = account.customer("second@example.com");
        account.advanceClock(Duration.ofMinutes(1));
        account.update("customer", customer, changes().put("name", "Renamed"));
        account.delete("product", retired);
        account.advanceClock(Duration.ofMinutes(1));
        account.update("subscription", subscription, changes().put("cancel_at_period_end", true));
        List<ObjectNode> events = account.eventsSince(null);

        ChangePage page = read(cursor, 100, "customers", "products", "subscriptions");

        assertThat(page.changes()).extracting(Change::stream, Change::objectId, Change::deleted).containsExactly(
                tuple("customers", newcomer, false),
                tuple("customers", customer, false),
                tuple("products", retired, true),
                tuple("subscriptions", subscription, false));
        assertThat(page.changes()).extracting(Change::versionAt)
                .containsExactlyElementsOf(events.stream().map(event -> Instant.ofEpochSecond(event.get("created").asLong())).toList());
        assertThat(page.changes().get(0).object().get("email").asText()).isEqualTo("second@example.com");
        assertThat(page.changes().get(1).object().get("name").asText()).isEqualTo("Renamed");
        assertThat(page.changes().get(2).object().get("name").asText()).isEqualTo("Retired"); // its last state
        assertThat(page.changes().get(3).object().get("cancel_at_period_end").asBoolean()).isTrue();
        assertThat(page.changes().get(3).object().get("items").get("data")).isNotEmpty();
        assertThat(page.hasMore()).isFalse();
        assertThat(page.nextCursor()).isEqualTo(account.now() + ":" + events.get(events.size() - 1).get("id").asText());

        ChangePage again = read(page.nextCursor(), 100, "customers", "products", "subscriptions");
        assertThat(again.changes()).isEmpty();
        assertThat(again.nextCursor()).isEqualTo(page.nextCursor()); // the newest event is not yet five minutes old
    }

    @Test
    void onlyTheRequestedStreamsGetChangesButTheCursorPassesEveryEvent() {
        String cursor = feedStart();
        account.recordCreationEvents(true);
        String customer = account.customer("someone@example.com");
        String product = account.product("Widget");
        String price = account.oneTimePrice(product, 500, "usd");
        String newest = newestEvent().get("id").asText();

        ChangePage products = read(cursor, 100, "products");
        assertThat(products.changes()).extracting(Change::stream, Change::objectId).containsExactly(tuple("products", product));
        assertThat(products.nextCursor()).endsWith(":" + newest);
        assertThat(read(products.nextCursor(), 100, "customers", "products", "prices").changes()).isEmpty();

        ChangePage none = read(cursor, 100);
        assertThat(none.changes()).isEmpty();
        assertThat(none.nextCursor()).isEqualTo(products.nextCursor());

        assertThat(read(cursor, 100, "customers", "prices", "invoices").changes()).extracting(Change::stream, Change::objectId)
                .containsExactly(tuple("customers", customer), tuple("prices", price));
    }

    @Test
    void theEventsStreamCarriesEachEventItself() {
        String cursor = feedStart();
        account.recordCreationEvents(true);
        String customer = account.customer("someone@example.com");
        account.update("customer", customer, changes().put("name", "Named"));
        List<ObjectNode> events = account.eventsSince(null);

        ChangePage eventsOnly = read(cursor, 100, "events");
        assertThat(eventsOnly.changes()).extracting(Change::stream, Change::objectId, Change::deleted).containsExactly(
                tuple("events", events.get(0).get("id").asText(), false),
                tuple("events", events.get(1).get("id").asText(), false));
        assertThat(json(eventsOnly.changes().get(1).object())).isEqualTo(json(events.get(1)));
        assertThat(eventsOnly.changes().get(1).object().get("type").asText()).isEqualTo("customer.updated");
        assertThat(eventsOnly.changes().get(1).versionAt()).isEqualTo(Instant.ofEpochSecond(events.get(1).get("created").asLong()));

        assertThat(read(cursor, 100, "events", "customers").changes()).extracting(Change::stream).containsExactly(
                "events", "customers", "events", "customers");
    }

    // ---- paging ----

    @Test
    void smallPagesDeliverEveryChangeOnceInOrder() {
        String cursor = feedStart();
        account.recordCreationEvents(true);
        List<String> customers = IntStream.range(0, 7).mapToObj(i -> account.customer("c" + i + "@example.com")).toList();

        Drained drained = drain(cursor, 2, "customers");

        assertThat(ids(drained.changes())).containsExactlyElementsOf(customers);
        assertThat(drained.pages()).extracting(page -> page.changes().size()).containsExactly(2, 2, 2, 1);
        assertThat(drained.pages()).extracting(ChangePage::hasMore).containsExactly(true, true, true, false);
        assertThat(drained.pages()).extracting(ChangePage::nextCursor).doesNotHaveDuplicates();
        assertThat(drained.cursor()).endsWith(":" + newestEvent().get("id").asText());
    }

    @Test
    void moreThanAHundredEventsTakeSeveralPages() {
        account.recordCreationEvents(true);
        account.customer("anchor@example.com");
        String cursor = feedStart();
        assertThat(cursor).endsWith(":" + newestEvent().get("id").asText());
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            customers.add(account.customer("c" + i + "@example.com"));
            if (i % 10 == 0) {
                account.advanceClock(Duration.ofSeconds(1));
            }
        }

        Drained drained = drain(cursor, 1000, "customers");

        assertThat(drained.pages()).extracting(page -> page.changes().size()).containsExactly(100, 50);
        assertThat(drained.pages()).extracting(ChangePage::hasMore).containsExactly(true, false);
        assertThat(ids(drained.changes())).containsExactlyElementsOf(customers);
    }

    @Test
    void aPageHoldsWholeEventsWithinItsSize() {
        String cursor = feedStart();
        account.recordCreationEvents(true);
        List<String> customers = IntStream.range(0, 3).mapToObj(i -> account.customer("c" + i + "@example.com")).toList();

        Drained drained = drain(cursor, 3, "events", "customers");

        // Two changes per event: a third change would split the next event across pages.
        assertThat(drained.pages()).extracting(page -> page.changes().size()).containsExactly(2, 2, 2);
        assertThat(drained.pages()).extracting(ChangePage::hasMore).containsExactly(true, true, false);
        assertThat(drained.changes().stream().filter(change -> change.stream().equals("customers")).map(Change::objectId))
                .containsExactlyElementsOf(customers);
    }

    @Test
    void aFailedPageIsRetriedByTheClient() {
        String cursor = feedStart();
        account.recordCreationEvents(true);
        String customer = account.customer("retry@example.com");
        fake.failNext("/v1/events", 2, 500);

        assertThat(read(cursor, 10, "customers").changes()).extracting(Change::objectId).containsExactly(customer);
    }

    // ---- quiet feeds, expiry and purged anchors ----

    @Test
    void aQuietFeedKeepsItsPlaceAndMovesCheckedAt() {
        account.recordCreationEvents(true);
        account.customer("first@example.com");
        String anchor = newestEvent().get("id").asText();
        String cursor = feedStart();

        account.advanceClock(Duration.ofHours(2));
        ChangePage quiet = read(cursor, 100, "customers");
        assertThat(quiet.changes()).isEmpty();
        assertThat(quiet.hasMore()).isFalse();
        assertThat(quiet.nextCursor()).isEqualTo((account.now() - SKEW) + ":" + anchor);

        // Read every ten days, the feed outlives its anchor event, which Stripe forgets after 30.
        String at = quiet.nextCursor();
        for (int i = 0; i < 4; i++) {
            account.advanceClock(Duration.ofDays(10));
            ChangePage page = read(at, 100, "customers");
            assertThat(page.cursorExpired()).isFalse();
            assertThat(page.changes()).isEmpty();
            at = page.nextCursor();
            assertThat(at).startsWith((account.now() - SKEW) + ":");
        }
        assertThat(at).isEqualTo((account.now() - SKEW) + ":"); // the aged-out anchor was dropped

        String later = account.customer("later@example.com");
        assertThat(read(at, 100, "customers").changes()).extracting(Change::objectId).containsExactly(later);
    }

    @Test
    void aCursorOlderThanStripesHistoryIsExpiredWithAUsableRestartCursor() {
        account.recordCreationEvents(true);
        account.customer("first@example.com");
        String cursor = feedStart();
        account.advanceClock(Duration.ofDays(31));
        account.customer("lost-to-history@example.com");
        account.advanceClock(Duration.ofDays(1));

        ChangePage expired = read(cursor, 100, "customers");

        assertThat(expired.cursorExpired()).isTrue();
        assertThat(expired.changes()).isEmpty();
        assertThat(expired.hasMore()).isFalse();
        assertThat(expired.nextCursor()).isEqualTo(feedStart());

        String after = account.customer("after@example.com");
        ChangePage resumed = read(expired.nextCursor(), 100, "customers");
        assertThat(resumed.cursorExpired()).isFalse();
        assertThat(resumed.changes()).extracting(Change::objectId).containsExactly(after);
    }

    @Test
    void expiryComesAnHourBeforeStripeForgets() {
        long limit = account.now() - 30 * DAY + 3_600;
        assertThat(read(limit + ":", 100, "customers").cursorExpired()).isFalse();
        assertThat(read((limit - 1) + ":", 100, "customers").cursorExpired()).isTrue();
    }

    @Test
    void aPurgedAnchorWithARecentCheckFallsBackToTheEventsSinceTheCheck() {
        account.recordCreationEvents(true);
        account.customer("first@example.com");
        String anchor = newestEvent().get("id").asText();
        String cursor = feedStart();
        account.advanceClock(Duration.ofDays(20));
        cursor = read(cursor, 100, "customers").nextCursor();
        long checkedAt = account.now() - SKEW;
        assertThat(cursor).isEqualTo(checkedAt + ":" + anchor);

        account.advanceClock(Duration.ofDays(15)); // the anchor is 35 days old: Stripe has forgotten it
        String second = account.customer("second@example.com");
        account.advanceClock(Duration.ofMinutes(1));
        account.update("customer", second, changes().put("name", "Second"));
        String newest = newestEvent().get("id").asText();
        fake.resetRequests();

        ChangePage page = read(cursor, 100, "customers");

        assertThat(page.changes()).extracting(Change::objectId, change -> change.object().get("name").isNull())
                .containsExactly(tuple(second, true), tuple(second, false));
        assertThat(page.hasMore()).isFalse();
        assertThat(page.nextCursor()).isEqualTo(account.now() + ":" + newest);
        List<RecordedRequest> requests = fake.requests();
        assertThat(requests).extracting(RecordedRequest::path, RecordedRequest::status)
                .containsExactly(tuple("/v1/events", 400), tuple("/v1/events", 200));
        assertThat(requests.get(0).query()).containsEntry("ending_before", List.of(anchor));
        assertThat(requests.get(1).query()).containsEntry("created[gte]", List.of(String.valueOf(checkedAt)));
    }

    @Test
    void theFallbackReadKeepsTheOldestEventsAndPagesOnFromThem() {
        String cursor = feedStart();
        assertThat(cursor).endsWith(":");
        account.recordCreationEvents(true);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            customers.add(account.customer("c" + i + "@example.com"));
        }

        Drained small = drain(cursor, 40, "customers");
        assertThat(small.pages()).extracting(page -> page.changes().size()).containsExactly(40, 40, 40, 10);
        assertThat(ids(small.changes())).containsExactlyElementsOf(customers);

        Drained whole = drain(cursor, 1000, "customers");
        assertThat(whole.pages()).hasSize(1);
        assertThat(ids(whole.changes())).containsExactlyElementsOf(customers);
        assertThat(whole.cursor()).isEqualTo(small.cursor());
    }

    // ---- what deletions are ----

    @Test
    void aCanceledSubscriptionIsAnUpdateAndADeletedProductOrCustomerIsADeletion() {
        String customer = subscribedCustomer("leaving@example.com");
        String subscription = subscriptionOf(customer);
        String retired = account.product("Retired");
        String cursor = feedStart();

        account.delete("customer", customer); // cancels the subscription first
        account.delete("product", retired);

        ChangePage page = read(cursor, 100, "customers", "subscriptions", "products");
        assertThat(page.changes()).extracting(Change::stream, Change::objectId, Change::deleted).containsExactly(
                tuple("subscriptions", subscription, false),
                tuple("customers", customer, true),
                tuple("products", retired, true));
        assertThat(page.changes().get(0).object().get("status").asText()).isEqualTo("canceled");
        assertThat(page.changes().get(1).object().get("email").asText()).isEqualTo("leaving@example.com");
    }

    // ---- API versions ----

    @Test
    void anEventAtAnotherApiVersionAsksForARead() {
        String customer = subscribedCustomer("versions@example.com");
        String subscription = subscriptionOf(customer);
        String retired = account.product("Retired");
        String cursor = feedStart();

        account.eventApiVersion("2024-06-20");
        account.update("subscription", subscription, changes().put("cancel_at_period_end", true));
        account.delete("product", retired);
        account.eventApiVersion(null);
        account.update("customer", customer, changes().put("name", "Pinned"));

        ChangePage page = read(cursor, 100, "customers", "subscriptions", "products", "events");
        List<Change> objects = page.changes().stream().filter(change -> !change.stream().equals("events")).toList();
        assertThat(objects).extracting(Change::stream, Change::objectId, Change::deleted, Change::needsRead).containsExactly(
                tuple("subscriptions", subscription, false, true),
                tuple("products", retired, true, false),
                tuple("customers", customer, false, false));
        assertThat(objects.get(0).object()).isNull();
        assertThat(objects.get(1).object()).isNull(); // a deletion stays one, without the older payload
        assertThat(objects.get(2).object().get("name").asText()).isEqualTo("Pinned");
        // The events stream still gets every event as Stripe rendered it.
        assertThat(page.changes().stream().filter(change -> change.stream().equals("events")).map(change -> change.object()
                .get("api_version").asText())).containsExactly("2024-06-20", "2024-06-20", com.stripe.Stripe.API_VERSION);

        // The read that follows returns the object at the pinned version, period on the items.
        ObjectNode read = feed.readObject(context(key), "subscriptions", subscription).orElseThrow();
        assertThat(json(read)).isEqualTo(json(account.object("subscription", subscription).orElseThrow()));
        assertThat(read.get("cancel_at_period_end").asBoolean()).isTrue();
        assertThat(read.get("items").get("data").get(0).has("current_period_end")).isTrue();
    }

    // ---- expansions ----

    @Test
    void aSubscriptionEventWithDiscountIdsAsksForAReadThatExpandsThem() {
        String product = account.product("Team");
        String price = account.price(product, 900, "usd", "month", 1, "licensed");
        String coupon = account.percentOffCoupon(10, "forever");
        String plain = account.subscription(SubscriptionSpec.of(account.customer("plain@example.com"), "active",
                SubscriptionSpec.Item.price(price, 1)));
        String discounted = account.subscription(SubscriptionSpec.of(account.customer("discounted@example.com"), "active",
                SubscriptionSpec.Item.price(price, 1)).withCoupon(coupon));
        String itemDiscounted = account.subscription(SubscriptionSpec.of(account.customer("item@example.com"), "active",
                SubscriptionSpec.Item.price(price, 2).withCoupon(coupon)));
        String later = account.subscription(SubscriptionSpec.of(account.customer("later@example.com"), "active",
                SubscriptionSpec.Item.price(price, 3)));
        String cursor = feedStart();

        for (String subscription : List.of(plain, discounted, itemDiscounted)) {
            account.update("subscription", subscription, changes().put("cancel_at_period_end", true));
        }
        String discount = account.applyCoupon(later, coupon);

        // What the fake sends, as Stripe does: the payload holds the discounts' ids, never the objects.
        List<ObjectNode> events = account.eventsSince(null);
        ObjectNode applied = events.get(events.size() - 1);
        assertThat(applied.get("type").asText()).isEqualTo("customer.subscription.updated");
        assertThat(applied.at("/data/object/discounts/0").asText()).isEqualTo(discount);
        assertThat(events.get(events.size() - 2).get("type").asText()).isEqualTo("customer.discount.created");

        ChangePage page = read(cursor, 100, "subscriptions");
        assertThat(page.changes()).extracting(Change::objectId, Change::needsRead).containsExactly(
                tuple(plain, false), tuple(discounted, true), tuple(itemDiscounted, true), tuple(later, true));
        assertThat(page.changes().get(0).object().get("cancel_at_period_end").asBoolean()).isTrue();

        ObjectNode read = feed.readObject(context(key), "subscriptions", discounted).orElseThrow();
        assertThat(read.at("/discounts/0/object").asText()).isEqualTo("discount");
        assertThat(read.at("/discounts/0/source/coupon").asText()).isEqualTo(coupon);
        ObjectNode readItem = feed.readObject(context(key), "subscriptions", itemDiscounted).orElseThrow();
        assertThat(readItem.at("/items/data/0/discounts/0/object").asText()).isEqualTo("discount");
        ObjectNode readLater = feed.readObject(context(key), "subscriptions", later).orElseThrow();
        assertThat(readLater.at("/discounts/0/id").asText()).isEqualTo(discount);
        assertThat(SubscriptionDiscounts.unexpanded(readLater)).isFalse();
        assertThat(fake.requests().stream().filter(request -> request.path().startsWith("/v1/subscriptions/")))
                .allSatisfy(request -> assertThat(request.query().get("expand[]")).containsExactly("discounts", "items.data.discounts"));
    }

    // ---- reading single objects ----

    @Test
    void readObjectReturnsTheObjectOrEmptyWhenItIsGone() {
        String customer = subscribedCustomer("kept@example.com");
        String subscription = subscriptionOf(customer);
        String leaving = account.customer("leaving@example.com");
        String retired = account.product("Retired");
        account.recordCreationEvents(true);
        account.customer("evented@example.com");
        String event = newestEvent().get("id").asText();
        account.delete("customer", leaving);
        account.delete("product", retired);
        account.delete("subscription", subscription);
        ConnectorContext context = context(key);

        assertThat(feed.readObject(context, "customers", customer)).hasValueSatisfying(
                found -> assertThat(found.get("email").asText()).isEqualTo("kept@example.com"));
        assertThat(feed.readObject(context, "subscriptions", subscription)).hasValueSatisfying(
                found -> assertThat(found.get("status").asText()).isEqualTo("canceled"));
        assertThat(feed.readObject(context, "events", event)).hasValueSatisfying(
                found -> assertThat(found.get("type").asText()).isEqualTo("customer.created"));
        assertThat(feed.readObject(context, "customers", leaving)).isEmpty(); // {"deleted": true}
        assertThat(feed.readObject(context, "products", retired)).isEmpty(); // 404
        assertThat(feed.readObject(context, "customers", "cus_NeverExisted123")).isEmpty();

        account.advanceClock(Duration.ofDays(31));
        assertThat(feed.readObject(context(key), "events", event)).isEmpty();
    }

    @Test
    void readObjectRefusesChildStreamsUnknownStreamsAndForeignIds() {
        long before = fake.requestCount();
        ConnectorContext context = context(key);

        assertThatThrownBy(() -> feed.readObject(context, "subscription_items", "si_123"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNSUPPORTED));
        assertThatThrownBy(() -> feed.readObject(context, "nope", "cus_123"))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.UNKNOWN_STREAM.toErrorCode()));
        for (String id : List.of("sub_123", "cus_1/../../v1/balance", "cus_1?expand=x", "")) {
            assertThatThrownBy(() -> feed.readObject(context, "customers", id))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMETERS);
                        assertThat(e.field()).contains("objectId");
                    });
        }
        assertThat(fake.requestCount()).isEqualTo(before);
    }

    // ---- failures ----

    @Test
    void aKeyWithoutTheEventsPermissionIsToldToGrantIt() {
        String withoutEvents = fake.addKey(KeyAccess.allReadsExcept(FakeStripePermission.EVENT));
        String cursor = feedStart();

        assertThatThrownBy(() -> feed.start(context(withoutEvents)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_MISSING);
                    assertThat(e.permission()).contains(StripePermission.EVENT.toGrant());
                });
        assertThatThrownBy(() -> feed.read(context(withoutEvents), new ChangeRequest(cursor, Set.of("customers"), 10)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_MISSING);
                    assertThat(e.permission()).contains("Events: Read");
                });
        String revoked = fake.addKey(KeyAccess.revoked());
        assertThatThrownBy(() -> feed.read(context(revoked), new ChangeRequest(cursor, Set.of("customers"), 10)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CREDENTIALS_REJECTED));
    }

    @Test
    void aMalformedCursorOrAnUnknownStreamIsRefusedBeforeAnyRequest() {
        long now = account.now();
        long before = fake.requestCount();
        List<String> malformed = List.of("abc", String.valueOf(now), now + ":cus_123", "-1:", now + ":evt_1&limit=5",
                now + ":evt_1:evt_2", " " + now + ":", "1234567890123:", now + ":evt_" + "x".repeat(300), "x".repeat(5_000));
        for (String cursor : malformed) {
            assertInvalidCursor(() -> read(cursor, 10, "customers"), cursor);
        }
        assertThatThrownBy(() -> read(now + ":", 10, "customers", "nope"))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.UNKNOWN_STREAM.toErrorCode()));
        assertThat(fake.requestCount()).isEqualTo(before);
    }
}
