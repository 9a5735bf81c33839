package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.stripe.fake.FakeStripeAccount.LineSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Fills an account from a seed: a price catalogue covering every interval (day to year, counts
 * 1 to 3) in three currencies with metered prices and legacy plans, then customers,
 * subscriptions in every status, charges, refunds, disputes, payouts and the rest, with
 * {@code created} spread over the window. Only the seed drives choices, so output is reproducible.
 */
final class AccountGenerator {

    static final List<String> CURRENCIES = List.of("usd", "eur", "gbp");
    static final List<String> INTERVALS = List.of("day", "week", "month", "year");
    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken",
        "Margaret", "Dennis", "Radia", "Tim", "Katherine", "Linus", "Hedy", "John"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson",
        "Hamilton", "Ritchie", "Perlman", "Berners-Lee", "Johnson", "Torvalds", "Lamarr", "Backus"};
    private static final String[] PRODUCTS = {"Starter", "Team", "Business", "Enterprise", "Analytics add-on",
        "Extra seats", "API calls", "Storage", "Priority support", "Onboarding"};
    private static final long DAY = 86_400L;

    private final SplittableRandom random;
    private final FakeStripeAccount account;
    private final AccountSize size;
    private final long start;
    private final long end;
    /** Recurring prices by "currency/interval/count", licensed and metered apart. */
    private final Map<String, List<String>> licensed = new LinkedHashMap<>();
    private final Map<String, List<String>> metered = new LinkedHashMap<>();
    private final Map<String, String> oneTime = new LinkedHashMap<>();
    private final List<String> plans = new ArrayList<>();
    private final List<String> coupons = new ArrayList<>();
    private final List<String> customers = new ArrayList<>();
    private final List<String> products = new ArrayList<>();

    private AccountGenerator(long seed, AccountSize size, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("The generation window is empty: " + from + " .. " + to);
        }
        this.random = new SplittableRandom(seed);
        this.size = size;
        this.start = from.getEpochSecond();
        this.end = to.getEpochSecond();
        String accountId = "acct_1" + new Ids(seed ^ 0x5EEDL).token(15);
        this.account = FakeStripeAccount.create(AccountSettings.defaults().withId(accountId).withSeed(seed)
                .withDisplayName("Generated Account " + Long.toHexString(seed)).withNow(end));
    }

    static FakeStripeAccount generate(long seed, AccountSize size, Instant from, Instant to) {
        AccountGenerator generator = new AccountGenerator(seed, size, from, to);
        generator.catalogue();
        generator.customers();
        generator.subscriptions();
        generator.payments();
        generator.money();
        generator.billingExtras();
        generator.events();
        generator.balance();
        return generator.account;
    }

    private void catalogue() {
        long catalogueEnd = start + (end - start) / 20;
        for (int i = 0; i < size.products(); i++) {
            String name = PRODUCTS[i % PRODUCTS.length] + (i >= PRODUCTS.length ? " " + (i / PRODUCTS.length + 1) : "");
            products.add(account.product(name, i % 9 != 8, between(start, catalogueEnd)));
        }
        int next = 0;
        for (String currency : CURRENCIES) {
            for (String interval : INTERVALS) {
                for (int count = 1; count <= 3; count++) {
                    String key = key(currency, interval, count);
                    for (int variant = 0; variant < 2; variant++) {
                        String product = products.get(next++ % products.size());
                        licensed.computeIfAbsent(key, k -> new ArrayList<>()).add(account.price(product,
                                amount(interval, count), currency, interval, count, "licensed", true, between(start, catalogueEnd)));
                    }
                    if (count == 1 && !"day".equals(interval)) {
                        metered.computeIfAbsent(key, k -> new ArrayList<>()).add(account.price(products.get(next++ % products.size()),
                                1 + random.nextInt(50), currency, interval, count, "metered", true, between(start, catalogueEnd)));
                    }
                }
            }
            oneTime.put(currency, account.price(products.get(next++ % products.size()), 1_000L * (5 + random.nextInt(96)),
                    currency, null, 0, null, true, between(start, catalogueEnd)));
        }
        for (String[] plan : new String[][] {{"usd", "month", "1"}, {"usd", "year", "1"}, {"eur", "month", "1"},
            {"gbp", "year", "1"}, {"usd", "month", "3"}}) {
            int count = Integer.parseInt(plan[2]);
            plans.add(account.plan(products.get(next++ % products.size()), amount(plan[1], count), plan[0], plan[1], count,
                    "licensed", true, between(start, catalogueEnd)));
        }
        for (int i = 0; i < size.coupons(); i++) {
            String duration = List.of("forever", "once", "repeating").get(i % 3);
            String coupon = i % 2 == 0
                    ? account.percentOffCoupon(List.of(10.0, 15.0, 20.0, 25.0, 50.0).get(i / 2 % 5), duration)
                    : account.amountOffCoupon(100L * (5 + random.nextInt(20)), CURRENCIES.get(i / 2 % CURRENCIES.size()), duration);
            coupons.add(coupon);
            account.promotionCode(coupon, "SAVE" + (i + 1) + Long.toString(random.nextInt(1_000), 36).toUpperCase(java.util.Locale.ROOT));
        }
    }

    private void customers() {
        for (int i = 0; i < size.customers(); i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String email = (first + "." + last + "." + i + "@example.com").toLowerCase(java.util.Locale.ROOT);
            customers.add(account.customer(email, first + " " + last, between(start, end - DAY)));
        }
    }

    private void subscriptions() {
        int priceSubscriptions = 0;
        List<String> statuses = SubscriptionSpec.STATUSES;
        for (int i = 0; i < size.subscriptions(); i++) {
            // The first eight cover every status; after that, mostly active as in real accounts.
            String status = i < statuses.size() ? statuses.get(i) : weightedStatus();
            String customer = customers.get(random.nextInt(customers.size()));
            long created = between(customerCreated(customer), end - DAY);
            SubscriptionSpec spec = random.nextInt(20) == 0 || (i >= statuses.size() && i < statuses.size() + 2)
                    ? legacyPlanSubscription(customer, status)
                    : priceSubscription(customer, status, priceSubscriptions++);
            spec = spec.withCreated(created);
            String currency = currencyOf(spec.items().get(0).priceOrPlan());
            if (random.nextInt(7) == 0 || i == statuses.size() + 2) {
                spec = spec.withCoupon(couponFor(currency));
            }
            if ("active".equals(status) && random.nextInt(20) == 0) {
                spec = spec.withCancelAtPeriodEnd(true);
            }
            account.subscription(spec);
        }
    }

    private SubscriptionSpec priceSubscription(String customer, String status, int index) {
        String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        // The first twelve price subscriptions walk every interval and count; then random ones.
        // The first ones also pin an item-level coupon (index 1) and a metered item (index 2).
        String interval = index < 12 ? INTERVALS.get(index % 4) : INTERVALS.get(random.nextInt(INTERVALS.size()));
        int count = index < 12 ? 1 + index / 4 % 3 : 1 + random.nextInt(3);
        String key = key(currency, interval, count);
        List<SubscriptionSpec.Item> items = new ArrayList<>();
        List<String> licensedPrices = licensed.get(key);
        items.add(SubscriptionSpec.Item.price(licensedPrices.get(random.nextInt(licensedPrices.size())), quantity()));
        if (random.nextInt(4) == 0 || index == 1) {
            String other = licensedPrices.get(0).equals(items.get(0).priceOrPlan()) ? licensedPrices.get(1) : licensedPrices.get(0);
            SubscriptionSpec.Item item = SubscriptionSpec.Item.price(other, quantity());
            items.add(random.nextInt(4) == 0 || index == 1 ? item.withCoupon(couponFor(currency)) : item);
        }
        if (metered.containsKey(key) && (random.nextInt(5) == 0 || index == 2)) {
            items.add(SubscriptionSpec.Item.metered(metered.get(key).get(0)));
        }
        return new SubscriptionSpec(customer, status, items, null, null, false);
    }

    private SubscriptionSpec legacyPlanSubscription(String customer, String status) {
        return SubscriptionSpec.of(customer, status, SubscriptionSpec.Item.plan(plans.get(random.nextInt(plans.size())), quantity()));
    }

    private String weightedStatus() {
        int roll = random.nextInt(100);
        if (roll < 60) {
            return "active";
        }
        List<String> others = List.of("past_due", "trialing", "incomplete", "incomplete_expired", "canceled", "unpaid", "paused");
        int[] weights = {6, 8, 3, 2, 14, 3, 4};
        int point = roll - 60;
        for (int i = 0; i < others.size(); i++) {
            point -= weights[i];
            if (point < 0) {
                return others.get(i);
            }
        }
        return "canceled";
    }

    private void payments() {
        List<String> succeeded = new ArrayList<>();
        for (int i = 0; i < size.charges(); i++) {
            String customer = random.nextInt(10) == 0 ? null : customers.get(random.nextInt(customers.size()));
            long created = between(customer == null ? start : customerCreated(customer), end);
            String currency = CURRENCIES.get(random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2));
            long amount = 100L * (1 + random.nextInt(500)) + random.nextInt(100);
            int roll = random.nextInt(100);
            String charge;
            if (random.nextInt(10) < 7) {
                String status = roll < 85 ? "succeeded" : roll < 95 ? "requires_payment_method" : "processing";
                String intent = account.paymentIntent(customer, amount, currency, status, created);
                charge = account.store(StripeObjectType.PAYMENT_INTENT).get(intent).get("latest_charge").asText(null);
            } else {
                String status = roll < 85 ? "succeeded" : roll < 95 ? "failed" : "pending";
                String email = customer == null ? "guest" + i + "@example.com" : emailOf(customer);
                charge = account.charge(customer, amount, currency, status, email, random.nextBoolean() ? email : null, created);
            }
            if (charge != null && "succeeded".equals(account.store(StripeObjectType.CHARGE).get(charge).get("status").asText())) {
                succeeded.add(charge);
            }
        }
        for (int i = 0; i < size.refunds() && i < succeeded.size(); i++) {
            ObjectNode charge = account.store(StripeObjectType.CHARGE).get(succeeded.get(i * succeeded.size() / size.refunds()));
            long amount = random.nextBoolean() ? charge.get("amount").asLong() : charge.get("amount").asLong() / 2;
            account.refund(charge.get("id").asText(), amount, between(charge.get("created").asLong(), end));
        }
        for (int i = 0; i < size.disputes() && i < succeeded.size(); i++) {
            ObjectNode charge = account.store(StripeObjectType.CHARGE).get(succeeded.get(succeeded.size() - 1 - i));
            account.dispute(charge.get("id").asText(), charge.get("amount").asLong(),
                    List.of("fraudulent", "product_not_received", "duplicate", "subscription_canceled").get(i % 4),
                    List.of("needs_response", "under_review", "won", "lost").get(i % 4), between(charge.get("created").asLong(), end));
        }
    }

    private void money() {
        account.bankAccount(null, "STRIPE TEST BANK", "6789", "usd");
        account.bankAccount(null, "STRIPE TEST BANK EU", "3000", "eur");
        for (int i = 0; i < size.payouts(); i++) {
            long created = start + (end - start) * (i + 1) / (size.payouts() + 1);
            String status = created + 2 * DAY <= end ? (random.nextInt(25) == 0 ? "failed" : "paid") : "in_transit";
            account.payout(100L * (100 + random.nextInt(5_000)), i % 4 == 3 ? "eur" : "usd", status, created + 2 * DAY, created);
        }
        for (int i = 0; i < size.transfers(); i++) {
            account.transfer(100L * (10 + random.nextInt(1_000)), "usd", "acct_1" + new Ids(random.nextLong()).token(15),
                    between(start, end));
        }
        for (int i = 0; i < size.customerBankAccounts(); i++) {
            account.bankAccount(customers.get(random.nextInt(customers.size())), "STRIPE TEST BANK",
                    String.format("%04d", random.nextInt(10_000)), "usd");
        }
        for (int i = 0; i < size.customerBalanceTransactions(); i++) {
            String customer = customers.get(random.nextInt(customers.size()));
            account.customerBalanceTransaction(customer, -100L * (1 + random.nextInt(50)), "usd", "adjustment",
                    between(customerCreated(customer), end));
        }
    }

    private void billingExtras() {
        for (int i = 0; i < size.invoiceItems(); i++) {
            String customer = customers.get(random.nextInt(customers.size()));
            String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            account.invoiceItem(customer, oneTime.get(currency), 1 + random.nextInt(3), null, between(customerCreated(customer), end));
        }
        List<ObjectNode> paid = new ArrayList<>();
        for (ObjectNode invoice : stored(StripeObjectType.INVOICE)) {
            if ("paid".equals(invoice.get("status").asText()) && invoice.get("total").asLong() > 0) {
                paid.add(invoice);
            }
        }
        for (int i = 0; i < size.creditNotes() && i < paid.size(); i++) {
            ObjectNode invoice = paid.get(i * paid.size() / size.creditNotes());
            account.creditNote(invoice.get("id").asText(), Math.max(1, invoice.get("total").asLong() / 4),
                    List.of("duplicate", "order_change", "product_unsatisfactory", "fraudulent").get(i % 4),
                    between(invoice.get("created").asLong(), end));
        }
        for (int i = 0; i < size.checkoutSessions(); i++) {
            String customer = customers.get(random.nextInt(customers.size()));
            String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            boolean subscriptionMode = random.nextBoolean();
            String price = subscriptionMode ? licensed.get(key(currency, "month", 1)).get(0) : oneTime.get(currency);
            account.checkoutSession(customer, subscriptionMode ? "subscription" : "payment",
                    List.of("complete", "complete", "expired", "open").get(i % 4),
                    List.of(LineSpec.of(price, 1 + random.nextInt(3))), between(customerCreated(customer), end));
        }
    }

    /** A sample of {@code customer.created} events, at each customer's creation time. */
    private void events() {
        for (int i = 0; i < size.events(); i++) {
            String customer = customers.get(i * customers.size() / size.events());
            ObjectNode node = account.object("customer", customer).orElseThrow();
            account.recordEvent("customer.created", node, null, node.get("created").asLong());
        }
    }

    /** The balance: what the balance transactions add up to, by currency and availability. */
    private void balance() {
        Map<String, Long> available = new TreeMap<>();
        Map<String, Long> pending = new TreeMap<>();
        for (String currency : CURRENCIES) {
            available.put(currency, 0L);
            pending.put(currency, 0L);
        }
        for (ObjectNode transaction : stored(StripeObjectType.BALANCE_TRANSACTION)) {
            Map<String, Long> bucket = "available".equals(transaction.get("status").asText()) ? available : pending;
            bucket.merge(transaction.get("currency").asText(), transaction.get("net").asLong(), Long::sum);
        }
        account.balance(available, pending);
    }

    /** Stored nodes in list order, unrendered: enough for reading amounts and statuses. */
    private List<ObjectNode> stored(StripeObjectType type) {
        ObjectStore store = account.store(type);
        List<ObjectNode> nodes = new ArrayList<>();
        store.ordered().ids().forEach(id -> nodes.add(store.get(id)));
        return nodes;
    }

    private String couponFor(String currency) {
        List<String> fitting = new ArrayList<>();
        for (String coupon : coupons) {
            JsonNode couponCurrency = account.store(StripeObjectType.COUPON).get(coupon).get("currency");
            if (couponCurrency.isNull() || couponCurrency.asText().equals(currency)) {
                fitting.add(coupon);
            }
        }
        return fitting.get(random.nextInt(fitting.size()));
    }

    private long quantity() {
        int roll = random.nextInt(10);
        return roll < 6 ? 1 : roll < 9 ? 2 + random.nextInt(9) : 10 + random.nextInt(41);
    }

    private long amount(String interval, int count) {
        long base = switch (interval) {
            case "day" -> 100;
            case "week" -> 500;
            case "month" -> 1_500;
            default -> 15_000;
        };
        return base * count + 100L * random.nextInt(20);
    }

    private long between(long from, long to) {
        return to <= from ? from : from + random.nextLong(to - from);
    }

    private long customerCreated(String customer) {
        return account.store(StripeObjectType.CUSTOMER).get(customer).get("created").asLong();
    }

    private String emailOf(String customer) {
        return account.store(StripeObjectType.CUSTOMER).get(customer).get("email").asText(null);
    }

    private String currencyOf(String priceOrPlan) {
        ObjectNode price = account.store(StripeObjectType.PRICE).get(priceOrPlan);
        return (price != null ? price : account.store(StripeObjectType.PLAN).get(priceOrPlan)).get("currency").asText();
    }

    private static String key(String currency, String interval, int count) {
        return currency + "/" + interval + "/" + count;
    }
}
