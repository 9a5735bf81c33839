package io.tributary.connector.stripe.fake;

import static io.tributary.connector.stripe.fake.ListFilters.bool;
import static io.tributary.connector.stripe.fake.ListFilters.equalTo;
import static io.tributary.connector.stripe.fake.ListFilters.oneOf;
import static io.tributary.connector.stripe.fake.ListFilters.range;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A list endpoint: its path template, the type it lists, the permission it needs, the filters
 * the fake implements and the other parameters Stripe accepts there (which the fake refuses
 * with a clear 400 rather than ignoring). The table {@link #ALL} is every list the fake serves.
 *
 * @param template      such as {@code /v1/invoices/{id}/lines}; {@code {id}} names the parent
 * @param type          what it lists
 * @param permission    what a restricted key needs
 * @param parentType    for nested lists, the type of {@code {id}} (null for the account itself)
 * @param filters       implemented filters by parameter name
 * @param unimplemented parameters Stripe accepts that the fake does not implement
 * @param defaultFilter applied when the request sends no {@code status} (subscriptions)
 * @param retrievable   whether {@code template/{id}} retrieves one object
 */
record ListEndpoint(String template, StripeObjectType type, FakeStripePermission permission, StripeObjectType parentType,
        Map<String, ListFilters.Filter> filters, Set<String> unimplemented, Predicate<ObjectNode> defaultFilter,
        boolean retrievable) {

    /** Parameters every list accepts. */
    static final Set<String> PAGING = Set.of("limit", "starting_after", "ending_before", "expand");

    boolean nested() {
        return template.contains("{id}");
    }

    static final List<ListEndpoint> ALL = List.of(
            top("/v1/customers", StripeObjectType.CUSTOMER, FakeStripePermission.CUSTOMER,
                    filtersOf("created", range("created"), "email", equalTo("email")), Set.of("test_clock")),
            top("/v1/products", StripeObjectType.PRODUCT, FakeStripePermission.PRODUCT,
                    filtersOf("created", range("created"), "active", bool("active")), Set.of("ids", "shippable", "url")),
            top("/v1/prices", StripeObjectType.PRICE, FakeStripePermission.PRICE,
                    filtersOf("created", range("created"), "active", bool("active"), "currency", equalTo("currency"),
                            "product", equalTo("product"), "type", oneOf("type", List.of("one_time", "recurring"))),
                    Set.of("lookup_keys", "recurring")),
            top("/v1/plans", StripeObjectType.PLAN, FakeStripePermission.PRICE,
                    filtersOf("created", range("created"), "active", bool("active"), "product", equalTo("product")), Set.of()),
            top("/v1/coupons", StripeObjectType.COUPON, FakeStripePermission.COUPON,
                    filtersOf("created", range("created")), Set.of()),
            top("/v1/promotion_codes", StripeObjectType.PROMOTION_CODE, FakeStripePermission.COUPON,
                    filtersOf("created", range("created"), "active", bool("active"), "code", equalTo("code"),
                            "coupon", equalTo("promotion.coupon"), "customer", equalTo("customer")), Set.of("customer_account")),
            new ListEndpoint("/v1/subscriptions", StripeObjectType.SUBSCRIPTION, FakeStripePermission.SUBSCRIPTION, null,
                    filtersOf("created", range("created"), "customer", equalTo("customer"),
                            "status", ListFilters.subscriptionStatus(), "price", ListFilters.subscriptionPrice(),
                            "collection_method", oneOf("collection_method", List.of("charge_automatically", "send_invoice"))),
                    Set.of("automatic_tax", "current_period_end", "current_period_start", "customer_account", "test_clock"),
                    ListFilters.subscriptionDefault(), true),
            // Stripe requires ?subscription=; the router lists that subscription's items.
            top("/v1/subscription_items", StripeObjectType.SUBSCRIPTION_ITEM, FakeStripePermission.SUBSCRIPTION,
                    filtersOf(), Set.of()),
            top("/v1/invoices", StripeObjectType.INVOICE, FakeStripePermission.INVOICE,
                    filtersOf("created", range("created"), "customer", equalTo("customer"),
                            "status", oneOf("status", List.of("draft", "open", "paid", "uncollectible", "void")),
                            "subscription", equalTo("parent.subscription_details.subscription"),
                            "collection_method", oneOf("collection_method", List.of("charge_automatically", "send_invoice"))),
                    Set.of("due_date", "customer_account")),
            nested("/v1/invoices/{id}/lines", StripeObjectType.INVOICE_LINE_ITEM, FakeStripePermission.INVOICE,
                    StripeObjectType.INVOICE, filtersOf(), false),
            top("/v1/invoiceitems", StripeObjectType.INVOICE_ITEM, FakeStripePermission.INVOICE_ITEM,
                    filtersOf("created", range("date"), "customer", equalTo("customer"), "invoice", equalTo("invoice"),
                            "pending", ListFilters.pending()), Set.of("customer_account")),
            top("/v1/credit_notes", StripeObjectType.CREDIT_NOTE, FakeStripePermission.CREDIT_NOTE,
                    filtersOf("created", range("created"), "customer", equalTo("customer"), "invoice", equalTo("invoice")),
                    Set.of("customer_account")),
            top("/v1/charges", StripeObjectType.CHARGE, FakeStripePermission.CHARGE,
                    filtersOf("created", range("created"), "customer", equalTo("customer"),
                            "payment_intent", equalTo("payment_intent"), "transfer_group", equalTo("transfer_group")), Set.of()),
            top("/v1/refunds", StripeObjectType.REFUND, FakeStripePermission.REFUND,
                    filtersOf("created", range("created"), "charge", equalTo("charge"), "payment_intent", equalTo("payment_intent")),
                    Set.of()),
            top("/v1/payment_intents", StripeObjectType.PAYMENT_INTENT, FakeStripePermission.PAYMENT_INTENT,
                    filtersOf("created", range("created"), "customer", equalTo("customer")), Set.of("customer_account")),
            top("/v1/disputes", StripeObjectType.DISPUTE, FakeStripePermission.DISPUTE,
                    filtersOf("created", range("created"), "charge", equalTo("charge"), "payment_intent", equalTo("payment_intent")),
                    Set.of()),
            top("/v1/checkout/sessions", StripeObjectType.CHECKOUT_SESSION, FakeStripePermission.CHECKOUT_SESSION,
                    filtersOf("created", range("created"), "customer", equalTo("customer"),
                            "status", oneOf("status", List.of("complete", "expired", "open")),
                            "payment_intent", equalTo("payment_intent"), "subscription", equalTo("subscription")),
                    Set.of("customer_details", "payment_link", "customer_account")),
            nested("/v1/checkout/sessions/{id}/line_items", StripeObjectType.CHECKOUT_LINE_ITEM,
                    FakeStripePermission.CHECKOUT_SESSION, StripeObjectType.CHECKOUT_SESSION, filtersOf(), false),
            top("/v1/balance_transactions", StripeObjectType.BALANCE_TRANSACTION, FakeStripePermission.BALANCE,
                    filtersOf("created", range("created"), "currency", equalTo("currency"), "type", equalTo("type"),
                            "source", equalTo("source")), Set.of("payout")),
            top("/v1/payouts", StripeObjectType.PAYOUT, FakeStripePermission.PAYOUT,
                    filtersOf("created", range("created"), "arrival_date", range("arrival_date"), "destination",
                            equalTo("destination"), "status", equalTo("status")), Set.of()),
            top("/v1/transfers", StripeObjectType.TRANSFER, FakeStripePermission.TRANSFER,
                    filtersOf("created", range("created"), "destination", equalTo("destination"),
                            "transfer_group", equalTo("transfer_group")), Set.of()),
            top("/v1/events", StripeObjectType.EVENT, FakeStripePermission.EVENT,
                    filtersOf("created", range("created"), "type", ListFilters.eventType(), "types", ListFilters.eventTypes()),
                    Set.of("delivery_success")),
            nested("/v1/customers/{id}/balance_transactions", StripeObjectType.CUSTOMER_BALANCE_TRANSACTION,
                    FakeStripePermission.CUSTOMER, StripeObjectType.CUSTOMER,
                    filtersOf("created", range("created"), "invoice", equalTo("invoice")), true),
            nested("/v1/customers/{id}/sources", StripeObjectType.BANK_ACCOUNT, FakeStripePermission.CUSTOMER,
                    StripeObjectType.CUSTOMER, filtersOf("object", ListFilters.sourceObject()), true),
            nested("/v1/accounts/{id}/external_accounts", StripeObjectType.BANK_ACCOUNT, FakeStripePermission.ACCOUNT,
                    null, filtersOf("object", ListFilters.sourceObject()), true));

    private static ListEndpoint top(String template, StripeObjectType type, FakeStripePermission permission,
            Map<String, ListFilters.Filter> filters, Set<String> unimplemented) {
        return new ListEndpoint(template, type, permission, null, filters, unimplemented, null, true);
    }

    private static ListEndpoint nested(String template, StripeObjectType type, FakeStripePermission permission,
            StripeObjectType parentType, Map<String, ListFilters.Filter> filters, boolean retrievable) {
        return new ListEndpoint(template, type, permission, parentType, filters, Set.of(), null, retrievable);
    }

    private static Map<String, ListFilters.Filter> filtersOf(Object... nameThenFilter) {
        Map<String, ListFilters.Filter> filters = new LinkedHashMap<>();
        for (int i = 0; i < nameThenFilter.length; i += 2) {
            filters.put((String) nameThenFilter[i], (ListFilters.Filter) nameThenFilter[i + 1]);
        }
        return Map.copyOf(filters);
    }
}
