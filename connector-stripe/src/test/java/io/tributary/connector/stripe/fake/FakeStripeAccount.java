package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.stripe.fake.BillingShapes.Recurring;
import io.tributary.connector.stripe.fake.BillingShapes.SubscriptionFields;
import io.tributary.connector.stripe.fake.InvoiceShapes.InvoiceFields;
import io.tributary.connector.stripe.fake.InvoiceShapes.LineFields;
import io.tributary.connector.stripe.fake.PaymentShapes.ChargeFields;
import io.tributary.connector.stripe.fake.PaymentShapes.SessionFields;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory Stripe account: its objects as Jackson trees in the JSON shape of API
 * 2026-07-29.dahlia, builders that place precise objects, and updates and deletes that record
 * the events Stripe would send. Thread-safe: writes are serialised, reads see whole objects.
 *
 * <p>Builders return the new object's id. Some place related objects as Stripe does: a
 * subscription gets its items, discounts and a latest invoice; a succeeded charge, a refund, a
 * payout and a transfer get a balance transaction; a Checkout Session gets its line items.
 * Nothing reads the wall clock: {@link #now()} is the account's own clock.
 */
public final class FakeStripeAccount {

    /** Types whose creation, update and deletion Stripe reports as events about the object itself. */
    private static final Set<StripeObjectType> CHILD_TYPES = Set.of(StripeObjectType.SUBSCRIPTION_ITEM,
            StripeObjectType.INVOICE_LINE_ITEM, StripeObjectType.CHECKOUT_LINE_ITEM);

    /** How long Stripe keeps events: the API neither lists nor retrieves older ones. */
    public static final Duration EVENT_RETENTION = Duration.ofDays(30);

    private final AccountSettings settings;
    private final Ids ids;
    private final Map<StripeObjectType, ObjectStore> stores = new EnumMap<>(StripeObjectType.class);
    private final Map<String, StripeObjectType> typeById = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> deletedCustomers = new ConcurrentHashMap<>();
    private final ObjectRenderer renderer = new ObjectRenderer(this);
    private final AtomicLong clock;
    private final ObjectNode accountNode;
    private volatile ObjectNode balance;
    private volatile boolean recordCreationEvents;
    private volatile String eventApiVersion = AccountShapes.API_VERSION;

    private FakeStripeAccount(AccountSettings settings) {
        this.settings = settings;
        this.ids = new Ids(settings.seed());
        this.clock = new AtomicLong(settings.now());
        for (StripeObjectType type : StripeObjectType.values()) {
            stores.put(type, new ObjectStore(type));
        }
        this.accountNode = AccountShapes.account(settings, settings.now() - 3 * 365 * 86_400L);
        this.balance = MoneyShapes.balance(Map.of(settings.defaultCurrency(), 0L), Map.of(settings.defaultCurrency(), 0L),
                settings.livemode());
    }

    /** An empty test-mode account with {@link AccountSettings#defaults()}. */
    public static FakeStripeAccount create() {
        return create(AccountSettings.defaults());
    }

    /** An empty account. */
    public static FakeStripeAccount create(AccountSettings settings) {
        return new FakeStripeAccount(settings);
    }

    /**
     * A generated account: the same seed and size always give byte-identical JSON. Objects are
     * created over the two years before 2026-07-01.
     */
    public static FakeStripeAccount generate(long seed, AccountSize size) {
        return AccountGenerator.generate(seed, size, Instant.ofEpochSecond(AccountSettings.DEFAULT_NOW).minus(Duration.ofDays(730)),
                Instant.ofEpochSecond(AccountSettings.DEFAULT_NOW));
    }

    /** A generated account whose objects are created between {@code from} and {@code to}, which is "now". */
    public static FakeStripeAccount generate(long seed, AccountSize size, Instant from, Instant to) {
        return AccountGenerator.generate(seed, size, from, to);
    }

    // ---- identity and clock ----

    /** {@code acct_...}. */
    public String id() {
        return settings.id();
    }

    public boolean livemode() {
        return settings.livemode();
    }

    public String defaultCurrency() {
        return settings.defaultCurrency();
    }

    public String displayName() {
        return settings.displayName();
    }

    public AccountSettings settings() {
        return settings;
    }

    /** The account clock, epoch seconds: events and defaulted timestamps use it. */
    public long now() {
        return clock.get();
    }

    public void advanceClock(Duration by) {
        clock.addAndGet(by.toSeconds());
    }

    /**
     * The API version events recorded from now on are rendered at, as Stripe renders an event at
     * the account's API version of the time. At another version than stripe-java's pinned one
     * ({@link com.stripe.Stripe#API_VERSION}) the payload takes an older shape
     * ({@link AccountShapes#atOtherVersion}); null goes back to the pinned version.
     */
    public void eventApiVersion(String version) {
        this.eventApiVersion = version == null ? AccountShapes.API_VERSION : version;
    }

    /**
     * Whether Stripe still has this event at the account clock: it was created no more than
     * {@link #EVENT_RETENTION} ago. The account keeps every event ({@link #eventsSince},
     * {@link #objects}); only the API forgets them.
     */
    public boolean eventRetained(ObjectNode event) {
        return event.path("created").asLong() >= now() - EVENT_RETENTION.toSeconds();
    }

    /** Whether builders also record {@code <type>.created} events (off: seeding records none). */
    public void recordCreationEvents(boolean record) {
        this.recordCreationEvents = record;
    }

    // ---- reading ----

    /** Every object of a type in list order (newest first), as the API renders them. */
    public List<ObjectNode> objects(String objectName) {
        return objects(StripeObjectType.require(objectName));
    }

    /** Every object of a type in list order (newest first), as the API renders them. */
    public List<ObjectNode> objects(StripeObjectType type) {
        ObjectStore store = store(type);
        List<ObjectNode> all = new ArrayList<>();
        for (String id : store.ordered().ids()) {
            ObjectNode stored = store.get(id);
            if (stored != null) {
                all.add(renderer.render(type, stored));
            }
        }
        return all;
    }

    /** One object as the API renders it. */
    public Optional<ObjectNode> object(String objectName, String id) {
        StripeObjectType type = StripeObjectType.require(objectName);
        return Optional.ofNullable(store(type).get(id)).map(stored -> renderer.render(type, stored));
    }

    /** How many objects of a type the account holds. */
    public int count(String objectName) {
        return store(StripeObjectType.require(objectName)).size();
    }

    /** {@code GET /v1/balance}. */
    public ObjectNode balance() {
        return balance.deepCopy();
    }

    /** {@code GET /v1/account}. */
    public ObjectNode account() {
        return renderer.renderAccount(accountNode);
    }

    /** Events after the one named (all when null), oldest first: what a poller since a cursor reads. */
    public List<ObjectNode> eventsSince(String eventId) {
        List<ObjectNode> newestFirst = objects(StripeObjectType.EVENT);
        List<ObjectNode> since = new ArrayList<>();
        for (ObjectNode event : newestFirst) {
            if (event.get("id").asText().equals(eventId)) {
                break;
            }
            since.add(0, event);
        }
        return since;
    }

    ObjectStore store(StripeObjectType type) {
        return stores.get(type);
    }

    Optional<StripeObjectType> typeOf(String id) {
        return Optional.ofNullable(typeById.get(id));
    }

    /** An object by id alone, rendered, for expansion; a deleted customer renders as its stub. */
    Optional<ObjectNode> render(String id) {
        StripeObjectType type = typeById.get(id);
        if (type == null) {
            return Optional.empty();
        }
        ObjectNode stored = store(type).get(id);
        if (stored == null) {
            return Optional.ofNullable(deletedCustomers.get(id)).map(ObjectNode::deepCopy);
        }
        return Optional.of(renderer.render(type, stored));
    }

    ObjectNode render(StripeObjectType type, ObjectNode stored) {
        return renderer.render(type, stored);
    }

    Optional<ObjectNode> deletedCustomer(String id) {
        return Optional.ofNullable(deletedCustomers.get(id)).map(ObjectNode::deepCopy);
    }

    // ---- mutations that record events ----

    /**
     * Changes top-level fields of an object and records the {@code *.updated} event Stripe would,
     * with the old values in {@code data.previous_attributes}. Changing a subscription item (or an
     * invoice or Checkout line) reports its parent as updated, as Stripe does.
     *
     * @return the object after the change, rendered
     */
    public synchronized ObjectNode update(String objectName, String id, ObjectNode changes) {
        StripeObjectType type = StripeObjectType.require(objectName);
        ObjectNode stored = requireStored(type, id);
        if (changes.has("id") || changes.has("object")) {
            throw new IllegalArgumentException("An object's id and object type cannot change");
        }
        ParentRef parent = parentOf(type, stored);
        ObjectNode parentBefore = parent == null ? null : renderStored(parent.type(), parent.id());
        ObjectNode before = renderer.render(type, stored);
        ObjectNode next = stored.deepCopy();
        ObjectNode previous = Json.object();
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            JsonNode old = before.get(change.getKey());
            if (!Objects.equals(old, change.getValue())) {
                previous.set(change.getKey(), old == null ? NullNode.getInstance() : old.deepCopy());
                next.set(change.getKey(), change.getValue().deepCopy());
            }
        }
        store(type).put(id, next, null);
        ObjectNode after = renderer.render(type, next);
        if (!previous.isEmpty()) {
            if (parent == null) {
                recordEvent(type.eventPrefix() + ".updated", after, previous);
            } else {
                recordParentUpdated(parent, parentBefore);
            }
        }
        return after;
    }

    /**
     * Changes top-level fields of an object without recording any event: what a webhook that never
     * arrived, or a change Stripe reports no event for, looks like to a reader.
     *
     * @return the object after the change, rendered
     */
    public synchronized ObjectNode updateWithoutEvent(String objectName, String id, ObjectNode changes) {
        StripeObjectType type = StripeObjectType.require(objectName);
        ObjectNode next = requireStored(type, id).deepCopy();
        if (changes.has("id") || changes.has("object")) {
            throw new IllegalArgumentException("An object's id and object type cannot change");
        }
        changes.properties().forEach(change -> next.set(change.getKey(), change.getValue().deepCopy()));
        store(type).put(id, next, null);
        return renderer.render(type, next);
    }

    /**
     * Deletes an object and records Stripe's event: a subscription is canceled
     * ({@code customer.subscription.deleted}) and stays listable with {@code status=canceled}; a
     * customer's subscriptions are canceled and the customer then reads as {@code deleted: true};
     * other objects disappear ({@code <type>.deleted}).
     */
    public synchronized void delete(String objectName, String id) {
        StripeObjectType type = StripeObjectType.require(objectName);
        ObjectNode stored = requireStored(type, id);
        switch (type) {
            case SUBSCRIPTION -> cancelSubscription(id);
            case CUSTOMER -> {
                for (ObjectNode subscription : objects(StripeObjectType.SUBSCRIPTION)) {
                    String status = subscription.get("status").asText();
                    if (id.equals(subscription.get("customer").asText())
                            && !"canceled".equals(status) && !"incomplete_expired".equals(status)) {
                        cancelSubscription(subscription.get("id").asText());
                    }
                }
                ObjectNode before = renderer.render(type, stored);
                store(type).remove(id);
                deletedCustomers.put(id, AccountShapes.deletedCustomer(id));
                recordEvent("customer.deleted", before, null);
            }
            default -> {
                ParentRef parent = parentOf(type, stored);
                ObjectNode parentBefore = parent == null ? null : renderStored(parent.type(), parent.id());
                ObjectNode before = renderer.render(type, stored);
                store(type).remove(id);
                typeById.remove(id);
                if (parent == null) {
                    recordEvent(type.eventPrefix() + ".deleted", before, null);
                } else {
                    recordParentUpdated(parent, parentBefore);
                }
            }
        }
    }

    /**
     * Applies a coupon to a subscription, as Stripe does when one is added to it: a new discount
     * (starting now) joins the subscription's {@code discounts}, with {@code customer.discount.created}
     * and {@code customer.subscription.updated} events, whose payloads hold the discounts' ids.
     *
     * @return the discount's id
     */
    public synchronized String applyCoupon(String subscription, String coupon) {
        ObjectNode stored = requireStored(StripeObjectType.SUBSCRIPTION, subscription);
        return addDiscount("subscription", subscription, stored, coupon, stored.get("customer").asText(), subscription, null);
    }

    /**
     * Applies a coupon to one subscription item: a new discount joins the item's {@code discounts},
     * and Stripe reports the subscription as updated.
     *
     * @return the discount's id
     */
    public synchronized String applyItemCoupon(String subscriptionItem, String coupon) {
        ObjectNode item = requireStored(StripeObjectType.SUBSCRIPTION_ITEM, subscriptionItem);
        String subscription = item.get("subscription").asText();
        String customer = requireStored(StripeObjectType.SUBSCRIPTION, subscription).get("customer").asText();
        return addDiscount("subscription_item", subscriptionItem, item, coupon, customer, subscription, subscriptionItem);
    }

    /** A new discount, its {@code customer.discount.created} event, and the holder's {@code discounts} updated (with its events). */
    private String addDiscount(String holderType, String holderId, ObjectNode holder, String coupon, String customer, String subscription,
                               String subscriptionItem) {
        String discount = discount(coupon, customer, subscription, subscriptionItem, now());
        recordEvent("customer.discount.created", renderStored(StripeObjectType.DISCOUNT, discount), null);
        com.fasterxml.jackson.databind.node.ArrayNode discounts = holder.get("discounts").deepCopy();
        discounts.add(discount);
        ObjectNode changes = Json.object();
        changes.set("discounts", discounts);
        update(holderType, holderId, changes);
        return discount;
    }

    /**
     * Records an event as Stripe would send it, at the account clock's time.
     *
     * @param type               such as {@code customer.subscription.updated}
     * @param object             {@code data.object}
     * @param previousAttributes {@code data.previous_attributes}, or null
     * @return the event id
     */
    public String recordEvent(String type, ObjectNode object, ObjectNode previousAttributes) {
        return recordEvent(type, object, previousAttributes, now());
    }

    synchronized String recordEvent(String type, ObjectNode object, ObjectNode previousAttributes, long created) {
        String id = ids.next("evt");
        String version = eventApiVersion;
        boolean pinned = AccountShapes.API_VERSION.equals(version);
        insert(StripeObjectType.EVENT, AccountShapes.event(id, type, pinned ? object : AccountShapes.atOtherVersion(object),
                previousAttributes, created, livemode(), version), null);
        return id;
    }

    private void cancelSubscription(String id) {
        ObjectNode next = store(StripeObjectType.SUBSCRIPTION).get(id).deepCopy();
        long at = Math.max(now(), next.get("created").asLong());
        next.put("status", "canceled");
        next.put("canceled_at", at);
        next.put("ended_at", at);
        next.put("cancel_at_period_end", false);
        ((ObjectNode) next.get("cancellation_details")).put("reason", "cancellation_requested");
        store(StripeObjectType.SUBSCRIPTION).put(id, next, null);
        recordEvent("customer.subscription.deleted", renderer.render(StripeObjectType.SUBSCRIPTION, next), null);
    }

    private void recordParentUpdated(ParentRef parent, ObjectNode parentBefore) {
        ObjectNode after = renderStored(parent.type(), parent.id());
        ObjectNode previous = Json.object();
        previous.set(parent.embeddedField(), parentBefore.get(parent.embeddedField()));
        recordEvent(parent.type().eventPrefix() + ".updated", after, previous);
    }

    private ParentRef parentOf(StripeObjectType type, ObjectNode stored) {
        return switch (type) {
            case SUBSCRIPTION_ITEM -> new ParentRef(StripeObjectType.SUBSCRIPTION, stored.get("subscription").asText(), "items");
            case INVOICE_LINE_ITEM -> new ParentRef(StripeObjectType.INVOICE, stored.get("invoice").asText(), "lines");
            default -> null;
        };
    }

    private ObjectNode renderStored(StripeObjectType type, String id) {
        return renderer.render(type, requireStored(type, id));
    }

    private ObjectNode requireStored(StripeObjectType type, String id) {
        ObjectNode stored = store(type).get(id);
        if (stored == null) {
            throw new IllegalArgumentException("No such " + type.objectName() + ": " + id);
        }
        return stored;
    }

    private record ParentRef(StripeObjectType type, String id, String embeddedField) {
    }

    // ---- builders ----

    /** A customer with this email, created now. */
    public String customer(String email) {
        return customer(email, null, now());
    }

    /** A customer. */
    public synchronized String customer(String email, String name, long created) {
        String id = ids.next("cus");
        String prefix = id.substring(4, 11).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "X");
        insert(StripeObjectType.CUSTOMER, AccountShapes.customer(id, email, name, null, 0, prefix, created, livemode()), null);
        return announced(StripeObjectType.CUSTOMER, id);
    }

    /** An active product, created now. */
    public String product(String name) {
        return product(name, true, now());
    }

    public synchronized String product(String name, boolean active, long created) {
        String id = ids.next("prod");
        insert(StripeObjectType.PRODUCT, BillingShapes.product(id, name, active, created, livemode()), null);
        return announced(StripeObjectType.PRODUCT, id);
    }

    /**
     * A price. {@code interval} null makes a one-time price; {@code usageType} is licensed or
     * metered (metered prices get a billing meter, as current API versions require).
     */
    public String price(String product, long unitAmount, String currency, String interval, int intervalCount,
            String usageType) {
        return price(product, unitAmount, currency, interval, intervalCount, usageType, true, now());
    }

    public synchronized String price(String product, long unitAmount, String currency, String interval, int intervalCount,
            String usageType, boolean active, long created) {
        requireStored(StripeObjectType.PRODUCT, product);
        String id = ids.next("price");
        Recurring recurring = interval == null ? null : recurring(interval, intervalCount, usageType);
        insert(StripeObjectType.PRICE, BillingShapes.price(id, product, unitAmount, currency, recurring, active, created,
                livemode()), null);
        return announced(StripeObjectType.PRICE, id);
    }

    /** A one-time price. */
    public String oneTimePrice(String product, long unitAmount, String currency) {
        return price(product, unitAmount, currency, null, 0, null);
    }

    /** A legacy plan. */
    public String plan(String product, long amount, String currency, String interval, int intervalCount, String usageType) {
        return plan(product, amount, currency, interval, intervalCount, usageType, true, now());
    }

    public synchronized String plan(String product, long amount, String currency, String interval, int intervalCount,
            String usageType, boolean active, long created) {
        requireStored(StripeObjectType.PRODUCT, product);
        String id = ids.next("plan");
        insert(StripeObjectType.PLAN, BillingShapes.plan(id, product, amount, currency,
                recurring(interval, intervalCount, usageType), active, created, livemode()), null);
        return announced(StripeObjectType.PLAN, id);
    }

    private Recurring recurring(String interval, int intervalCount, String usageType) {
        String usage = usageType == null ? "licensed" : usageType;
        return new Recurring(interval, intervalCount, usage, "metered".equals(usage) ? ids.next("mtr") : null);
    }

    /** A percent-off coupon; {@code duration} is once, repeating (3 months) or forever. */
    public synchronized String percentOffCoupon(double percentOff, String duration) {
        String id = ids.coupon();
        insert(StripeObjectType.COUPON, BillingShapes.coupon(id, BigDecimal.valueOf(percentOff), null, null, duration,
                "repeating".equals(duration) ? 3L : null, percentOff + "% off", now(), livemode()), null);
        return announced(StripeObjectType.COUPON, id);
    }

    /** An amount-off coupon in one currency. */
    public synchronized String amountOffCoupon(long amountOff, String currency, String duration) {
        String id = ids.coupon();
        insert(StripeObjectType.COUPON, BillingShapes.coupon(id, null, amountOff, currency, duration,
                "repeating".equals(duration) ? 3L : null, amountOff + " " + currency + " off", now(), livemode()), null);
        return announced(StripeObjectType.COUPON, id);
    }

    /** An active promotion code for a coupon. */
    public synchronized String promotionCode(String coupon, String code) {
        requireStored(StripeObjectType.COUPON, coupon);
        String id = ids.next("promo");
        insert(StripeObjectType.PROMOTION_CODE, BillingShapes.promotionCode(id, coupon, code, true, now(), livemode()), null);
        return announced(StripeObjectType.PROMOTION_CODE, id);
    }

    /**
     * A subscription with its items, its discounts (subscription- and item-level) and a latest
     * invoice whose status follows the subscription's. Periods, trial and cancellation fields
     * follow the status; {@code created} defaults to 30 days before {@link #now()}.
     */
    public synchronized String subscription(SubscriptionSpec spec) {
        ObjectNode customer = requireStored(StripeObjectType.CUSTOMER, spec.customer());
        long created = spec.created() == null ? now() - 30 * 86_400L : spec.created();
        ObjectNode first = priceOrPlan(spec.items().get(0).priceOrPlan());
        String currency = first.get("currency").asText();
        Recurring cycle = recurringOf(first);
        if (cycle == null) {
            throw new IllegalArgumentException("Subscription items need recurring prices: " + first.get("id").asText());
        }
        String id = ids.next("sub");
        StatusTimes times = StatusTimes.of(spec.status(), created, now(), cycle);
        List<String> discounts = new ArrayList<>();
        if (spec.coupon() != null) {
            discounts.add(discount(spec.coupon(), spec.customer(), id, null, created));
        }
        long[] period = times.periodDuringTrial()
                ? new long[] {times.trialStart(), times.trialEnd()}
                : BillingPeriods.containing(times.anchor(), cycle.interval(), cycle.intervalCount(),
                        times.endedAt() == null ? now() : times.endedAt() - 1);
        for (SubscriptionSpec.Item item : spec.items()) {
            ObjectNode price = priceOrPlan(item.priceOrPlan());
            if (!currency.equals(price.get("currency").asText())) {
                throw new IllegalArgumentException("All items of a subscription share one currency");
            }
            String itemId = ids.next("si");
            List<String> itemDiscounts = item.coupon() == null ? List.of()
                    : List.of(discount(item.coupon(), spec.customer(), id, itemId, created));
            Long quantity = "metered".equals(recurringOf(price).usageType()) ? null
                    : item.quantity() == null ? Long.valueOf(1) : item.quantity();
            insert(StripeObjectType.SUBSCRIPTION_ITEM, BillingShapes.subscriptionItem(itemId, id, item.priceOrPlan(), quantity,
                    itemDiscounts, created, period[0], period[1]), id);
        }
        String invoice = subscriptionInvoice(id, customer, spec.status(), currency, discounts, period);
        SubscriptionFields fields = new SubscriptionFields(spec.customer(), spec.status(), currency, created, created,
                times.anchor(), times.trialStart(), times.trialEnd(),
                spec.cancelAtPeriodEnd() ? Long.valueOf(period[1]) : null, spec.cancelAtPeriodEnd(), times.canceledAt(),
                times.endedAt(), discounts, invoice);
        insert(StripeObjectType.SUBSCRIPTION, BillingShapes.subscription(id, fields, livemode()), null);
        return announced(StripeObjectType.SUBSCRIPTION, id);
    }

    private String discount(String coupon, String customer, String subscription, String subscriptionItem, long start) {
        ObjectNode couponNode = requireStored(StripeObjectType.COUPON, coupon);
        String id = ids.next("di");
        Long end = "repeating".equals(couponNode.get("duration").asText())
                ? Long.valueOf(start + couponNode.get("duration_in_months").asLong() * 30 * 86_400L) : null;
        insert(StripeObjectType.DISCOUNT, BillingShapes.discount(id, coupon, customer, subscription, subscriptionItem, null,
                start, end), null);
        return id;
    }

    private String subscriptionInvoice(String subscription, ObjectNode customer, String status, String currency,
            List<String> discounts, long[] period) {
        String invoiceStatus = switch (status) {
            case "past_due", "incomplete" -> "open";
            case "unpaid" -> "uncollectible";
            case "incomplete_expired" -> "void";
            default -> "paid";
        };
        long attempts = "open".equals(invoiceStatus) || "uncollectible".equals(invoiceStatus) ? 2 : 1;
        List<LineSpec> lines = new ArrayList<>();
        for (String itemId : store(StripeObjectType.SUBSCRIPTION_ITEM).children(subscription).ids()) {
            ObjectNode item = store(StripeObjectType.SUBSCRIPTION_ITEM).get(itemId);
            long quantity = item.get("quantity").isNull() ? 0 : item.get("quantity").asLong();
            lines.add(new LineSpec(item.get("price").asText(), quantity, itemId));
        }
        long amountMultiplier = "trialing".equals(status) || "paused".equals(status) ? 0 : 1;
        // A paused or trialing subscription's period may start after now; its invoice was still
        // created no later than now (Stripe never holds objects created in the future).
        long created = Math.min(period[0], Math.max(now(), customer.get("created").asLong()));
        return invoice(customer, subscription, invoiceStatus, currency, created, period[0], period[1], attempts,
                "subscription_cycle", discounts, lines, amountMultiplier);
    }

    /** A one-off invoice for a customer, with these lines. */
    public synchronized String invoice(String customer, String status, List<LineSpec> lines, long created) {
        ObjectNode customerNode = requireStored(StripeObjectType.CUSTOMER, customer);
        String currency = lines.isEmpty() ? defaultCurrency() : priceOrPlan(lines.get(0).price()).get("currency").asText();
        String id = invoice(customerNode, null, status, currency, created, created, created, "open".equals(status) ? 1 : 0,
                "manual", List.of(), lines, 1);
        return announced(StripeObjectType.INVOICE, id);
    }

    private String invoice(ObjectNode customer, String subscription, String status, String currency, long created,
            long periodStart, long periodEnd, long attempts, String billingReason, List<String> discounts, List<LineSpec> lines,
            long amountMultiplier) {
        String id = ids.next("in");
        long subtotal = 0;
        for (LineSpec line : lines) {
            ObjectNode price = priceOrPlan(line.price());
            long unitAmount = unitAmountOf(price) * amountMultiplier;
            long amount = unitAmount * line.quantity();
            subtotal += amount;
            String product = price.get("product").asText();
            String description = line.quantity() + " × " + store(StripeObjectType.PRODUCT).get(product).get("name").asText();
            LineFields fields = new LineFields(price.get("id").asText(), product, description, unitAmount, line.quantity(),
                    amount, currency, periodStart, periodEnd, subscription, line.subscriptionItem(), null);
            insert(StripeObjectType.INVOICE_LINE_ITEM, InvoiceShapes.invoiceLineItem(ids.next("il"), id, fields, livemode()), id);
        }
        long total = subtotal - discountAmount(discounts, subtotal);
        String number = customer.get("invoice_prefix").asText() + "-" + String.format("%04d",
                1 + store(StripeObjectType.INVOICE).size() % 10_000);
        InvoiceFields fields = new InvoiceFields(customer.get("id").asText(), customer.get("email").asText(null),
                customer.get("name").asText(null), subscription, status, currency, subtotal, total, created, periodStart, periodEnd,
                attempts, billingReason, number, discounts);
        insert(StripeObjectType.INVOICE, InvoiceShapes.invoice(id, fields, settings), null);
        return id;
    }

    private long discountAmount(List<String> discounts, long subtotal) {
        long off = 0;
        for (String discount : discounts) {
            ObjectNode coupon = store(StripeObjectType.COUPON).get(
                    store(StripeObjectType.DISCOUNT).get(discount).get("source").get("coupon").asText());
            if (!coupon.get("percent_off").isNull()) {
                off += coupon.get("percent_off").decimalValue().multiply(BigDecimal.valueOf(subtotal))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValue();
            } else {
                off += coupon.get("amount_off").asLong();
            }
        }
        return Math.min(off, subtotal);
    }

    /**
     * An invoice line to place: a price (or plan) and quantity, and the subscription item it
     * bills, if any.
     */
    public record LineSpec(String price, long quantity, String subscriptionItem) {
        public static LineSpec of(String price, long quantity) {
            return new LineSpec(price, quantity, null);
        }
    }

    /** An invoice item for a customer: pending when {@code invoice} is null. */
    public synchronized String invoiceItem(String customer, String price, long quantity, String invoice, long date) {
        requireStored(StripeObjectType.CUSTOMER, customer);
        ObjectNode priceNode = priceOrPlan(price);
        long unitAmount = unitAmountOf(priceNode);
        String product = priceNode.get("product").asText();
        LineFields line = new LineFields(price, product, store(StripeObjectType.PRODUCT).get(product).get("name").asText(),
                unitAmount, quantity, unitAmount * quantity, priceNode.get("currency").asText(), date, date, null, null, null);
        String id = ids.next("ii");
        insert(StripeObjectType.INVOICE_ITEM, InvoiceShapes.invoiceItem(id, customer, invoice, line, date, livemode()), null);
        return announced(StripeObjectType.INVOICE_ITEM, id);
    }

    /** A credit note against an invoice. */
    public synchronized String creditNote(String invoice, long amount, String reason, long created) {
        ObjectNode invoiceNode = requireStored(StripeObjectType.INVOICE, invoice);
        String id = ids.next("cn");
        String number = invoiceNode.path("number").asText("DRAFT") + "-CN-01";
        insert(StripeObjectType.CREDIT_NOTE, InvoiceShapes.creditNote(id, invoice, invoiceNode.get("customer").asText(), number,
                amount, invoiceNode.get("currency").asText(), reason, created, ids.next("cnli"), livemode()), null);
        return announced(StripeObjectType.CREDIT_NOTE, id);
    }

    /**
     * A card charge (Charges API: no payment intent). A succeeded charge gets a {@code charge}
     * balance transaction with Stripe's 2.9% + 30 fee.
     *
     * @param status succeeded, pending or failed
     */
    public String charge(String customer, long amount, String currency, String status, String billingEmail,
            String receiptEmail, long created) {
        return charge(customer, amount, currency, status, billingEmail, receiptEmail, created, null);
    }

    synchronized String charge(String customer, long amount, String currency, String status, String billingEmail,
            String receiptEmail, long created, String paymentIntent) {
        if (customer != null) {
            requireStored(StripeObjectType.CUSTOMER, customer);
        }
        String id = ids.next("ch");
        String transaction = null;
        if ("succeeded".equals(status)) {
            long fee = Math.round(amount * 0.029) + 30;
            transaction = balanceTransaction("charge", amount, fee, amount - fee, currency, created, id);
        }
        ChargeFields fields = new ChargeFields(customer, amount, currency, status, billingEmail, receiptEmail, created,
                paymentIntent, ids.next("pm"), transaction, 0, false, ids.token(16));
        insert(StripeObjectType.CHARGE, PaymentShapes.charge(id, fields, settings), null);
        return announced(StripeObjectType.CHARGE, id);
    }

    /**
     * A payment intent; a succeeded one gets a succeeded charge ({@code latest_charge}).
     *
     * @param status succeeded, processing, requires_payment_method or canceled
     */
    public synchronized String paymentIntent(String customer, long amount, String currency, String status, long created) {
        String id = ids.next("pi");
        String charge = switch (status) {
            case "succeeded" -> charge(customer, amount, currency, "succeeded", null, null, created, id);
            case "processing" -> charge(customer, amount, currency, "pending", null, null, created, id);
            case "requires_payment_method" -> charge(customer, amount, currency, "failed", null, null, created, id);
            default -> null;
        };
        insert(StripeObjectType.PAYMENT_INTENT, PaymentShapes.paymentIntent(id, customer, amount, currency, status, charge,
                ids.next("pm"), id + "_secret_" + ids.token(24), created, livemode()), null);
        return announced(StripeObjectType.PAYMENT_INTENT, id);
    }

    /** A refund of (part of) a succeeded charge, with its balance transaction. */
    public synchronized String refund(String charge, long amount, long created) {
        ObjectNode chargeNode = requireStored(StripeObjectType.CHARGE, charge);
        long refunded = chargeNode.get("amount_refunded").asLong() + amount;
        if (refunded > chargeNode.get("amount").asLong()) {
            throw new IllegalArgumentException("Refunds exceed the charge " + charge);
        }
        String currency = chargeNode.get("currency").asText();
        String id = ids.next("re");
        String transaction = balanceTransaction("refund", -amount, 0, -amount, currency, created, id);
        insert(StripeObjectType.REFUND, PaymentShapes.refund(id, charge, chargeNode.get("customer").asText(null),
                chargeNode.get("payment_intent").asText(null), amount, currency, "requested_by_customer", "succeeded",
                transaction, created), null);
        ObjectNode updated = chargeNode.deepCopy();
        updated.put("amount_refunded", refunded);
        updated.put("refunded", refunded == chargeNode.get("amount").asLong());
        store(StripeObjectType.CHARGE).put(charge, updated, null);
        return announced(StripeObjectType.REFUND, id);
    }

    /** A dispute of a charge; the charge is marked disputed. */
    public synchronized String dispute(String charge, long amount, String reason, String status, long created) {
        ObjectNode chargeNode = requireStored(StripeObjectType.CHARGE, charge);
        String id = ids.next("du");
        insert(StripeObjectType.DISPUTE, PaymentShapes.dispute(id, charge, chargeNode.get("payment_intent").asText(null), amount,
                chargeNode.get("currency").asText(), reason, status, created, livemode()), null);
        ObjectNode updated = chargeNode.deepCopy();
        updated.put("disputed", true);
        store(StripeObjectType.CHARGE).put(charge, updated, null);
        return announced(StripeObjectType.DISPUTE, id);
    }

    /**
     * A Checkout Session with its line items.
     *
     * @param mode   payment or subscription
     * @param status open, complete or expired
     */
    public synchronized String checkoutSession(String customer, String mode, String status, List<LineSpec> lines, long created) {
        String email = customer == null ? null : requireStored(StripeObjectType.CUSTOMER, customer).get("email").asText(null);
        String id = ids.checkoutSession(livemode());
        long total = 0;
        String currency = defaultCurrency();
        for (LineSpec line : lines) {
            ObjectNode price = priceOrPlan(line.price());
            currency = price.get("currency").asText();
            long amount = unitAmountOf(price) * line.quantity();
            total += amount;
            String product = store(StripeObjectType.PRODUCT).get(price.get("product").asText()).get("name").asText();
            insert(StripeObjectType.CHECKOUT_LINE_ITEM, PaymentShapes.checkoutLineItem(ids.next("li"), line.price(), product,
                    line.quantity(), amount, currency), id);
        }
        SessionFields fields = new SessionFields(customer, email, mode, status, currency, total, null, null, null, created);
        insert(StripeObjectType.CHECKOUT_SESSION, PaymentShapes.checkoutSession(id, fields, settings), null);
        return announced(StripeObjectType.CHECKOUT_SESSION, id);
    }

    /** Sets the balance: amounts by currency. */
    public synchronized void balance(Map<String, Long> available, Map<String, Long> pending) {
        this.balance = MoneyShapes.balance(available, pending, livemode());
    }

    /** A balance transaction with no source object. */
    public String balanceTransaction(String type, long amount, long fee, long net, String currency, long created) {
        return balanceTransaction(type, amount, fee, net, currency, created, null);
    }

    private synchronized String balanceTransaction(String type, long amount, long fee, long net, String currency, long created,
            String source) {
        String id = ids.next("txn");
        String status = created + 2 * 86_400L <= now() ? "available" : "pending";
        insert(StripeObjectType.BALANCE_TRANSACTION, MoneyShapes.balanceTransaction(id, type, amount, fee, net, currency, source,
                status, created), null);
        return id;
    }

    /**
     * A payout to the account's default external bank account (one is placed if none exists),
     * with its balance transaction.
     *
     * @param status paid, pending, in_transit, canceled or failed
     */
    public synchronized String payout(long amount, String currency, String status, long arrivalDate, long created) {
        List<String> external = store(StripeObjectType.BANK_ACCOUNT).children(id()).ids();
        String destination = external.isEmpty() ? bankAccount(null, "STRIPE TEST BANK", "6789", currency) : external.get(0);
        String payoutId = ids.next("po");
        String transaction = balanceTransaction("payout", -amount, 0, -amount, currency, created, payoutId);
        insert(StripeObjectType.PAYOUT, MoneyShapes.payout(payoutId, amount, currency, status, arrivalDate, destination,
                transaction, created, ids.token(12), livemode()), null);
        return announced(StripeObjectType.PAYOUT, payoutId);
    }

    /** A transfer to a connected account, with its balance transaction. */
    public synchronized String transfer(long amount, String currency, String destination, long created) {
        String id = ids.next("tr");
        String transaction = balanceTransaction("transfer", -amount, 0, -amount, currency, created, id);
        insert(StripeObjectType.TRANSFER, MoneyShapes.transfer(id, amount, currency, destination, ids.next("py"), transaction,
                created, livemode()), null);
        return announced(StripeObjectType.TRANSFER, id);
    }

    /**
     * A bank account: a customer's source when {@code customer} is set, else one of the
     * account's external accounts (the first in a currency is its default).
     */
    public synchronized String bankAccount(String customer, String bankName, String last4, String currency) {
        String id = ids.next("ba");
        String parent = customer == null ? id() : customer;
        if (customer != null) {
            requireStored(StripeObjectType.CUSTOMER, customer);
        }
        boolean defaultForCurrency = customer == null && store(StripeObjectType.BANK_ACCOUNT).children(id()).ids().stream()
                .noneMatch(other -> currency.equals(store(StripeObjectType.BANK_ACCOUNT).get(other).get("currency").asText()));
        insert(StripeObjectType.BANK_ACCOUNT, MoneyShapes.bankAccount(id, id(), customer, bankName, last4, currency,
                ids.token(16), defaultForCurrency), parent);
        return id;
    }

    /**
     * A change to a customer's credit balance; the customer's {@code balance} follows.
     *
     * @param type adjustment, applied_to_invoice, credit_note, initial, ...
     */
    public synchronized String customerBalanceTransaction(String customer, long amount, String currency, String type,
            long created) {
        ObjectNode customerNode = requireStored(StripeObjectType.CUSTOMER, customer);
        long ending = customerNode.get("balance").asLong() + amount;
        String id = ids.next("cbtxn");
        insert(StripeObjectType.CUSTOMER_BALANCE_TRANSACTION, MoneyShapes.customerBalanceTransaction(id, customer, amount,
                currency, type, null, ending, null, created, livemode()), customer);
        ObjectNode updated = customerNode.deepCopy();
        updated.put("balance", ending);
        updated.put("currency", currency);
        store(StripeObjectType.CUSTOMER).put(customer, updated, null);
        return id;
    }

    // ---- helpers ----

    private void insert(StripeObjectType type, ObjectNode node, String parent) {
        String id = node.get("id").asText();
        store(type).put(id, node, parent);
        typeById.put(id, type);
    }

    /** Records {@code <type>.created} when asked to, and returns the id. */
    private String announced(StripeObjectType type, String id) {
        if (recordCreationEvents && !CHILD_TYPES.contains(type)) {
            recordEvent(type.eventPrefix() + ".created", renderStored(type, id), null);
        }
        return id;
    }

    private ObjectNode priceOrPlan(String id) {
        ObjectNode price = store(StripeObjectType.PRICE).get(id);
        if (price != null) {
            return price;
        }
        ObjectNode plan = store(StripeObjectType.PLAN).get(id);
        if (plan == null) {
            throw new IllegalArgumentException("No such price or plan: " + id);
        }
        return plan;
    }

    private static Recurring recurringOf(ObjectNode priceOrPlan) {
        if ("plan".equals(priceOrPlan.get("object").asText())) {
            return new Recurring(priceOrPlan.get("interval").asText(), priceOrPlan.get("interval_count").asInt(),
                    priceOrPlan.get("usage_type").asText(), null);
        }
        JsonNode recurring = priceOrPlan.get("recurring");
        return recurring.isNull() ? null : Recurring.of((ObjectNode) recurring);
    }

    private static long unitAmountOf(ObjectNode priceOrPlan) {
        return "plan".equals(priceOrPlan.get("object").asText()) ? priceOrPlan.get("amount").asLong()
                : priceOrPlan.get("unit_amount").asLong();
    }

    /** The timestamps a subscription's status implies. */
    private record StatusTimes(long anchor, Long trialStart, Long trialEnd, Long canceledAt, Long endedAt,
            boolean periodDuringTrial) {
        static StatusTimes of(String status, long created, long now, Recurring cycle) {
            return switch (status) {
                case "trialing" -> new StatusTimes(Math.max(now, created) + 7 * 86_400L, created,
                        Math.max(now, created) + 7 * 86_400L, null, null, true);
                case "paused" -> new StatusTimes(created + 14 * 86_400L, created, created + 14 * 86_400L, null, null, false);
                case "incomplete_expired" -> new StatusTimes(created, null, null, null, created + 23 * 3_600L, false);
                case "canceled" -> {
                    long ended = Math.max(created + 86_400L, now - 86_400L);
                    yield new StatusTimes(created, null, null, ended, ended, false);
                }
                default -> new StatusTimes(created, null, null, null, null, false);
            };
        }
    }
}
