package io.tributary.connector.stripe;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Stripe objects this connector can list and retrieve: the name users give them (the plural of
 * {@code stripe.list}), the {@code object} value Stripe sends, where they live, the permission that
 * reads them, the prefixes of their ids, and the list filters Stripe supports on them.
 */
enum StripeObject {
    BALANCE_TRANSACTIONS("balance_transactions", "balance_transaction", "/v1/balance_transactions", StripePermission.BALANCE, List.of("txn_"), Set.of("type", "currency")),
    CHARGES("charges", "charge", "/v1/charges", StripePermission.CHARGE, List.of("ch_", "py_"), Set.of("customer")),
    CHECKOUT_SESSIONS("checkout_sessions", "checkout.session", "/v1/checkout/sessions", StripePermission.CHECKOUT_SESSION, List.of("cs_"), Set.of("customer", "status")),
    COUPONS("coupons", "coupon", "/v1/coupons", StripePermission.COUPON, List.of(), Set.of()),
    CREDIT_NOTES("credit_notes", "credit_note", "/v1/credit_notes", StripePermission.CREDIT_NOTE, List.of("cn_"), Set.of("customer")),
    CUSTOMERS("customers", "customer", "/v1/customers", StripePermission.CUSTOMER, List.of("cus_"), Set.of("email")),
    DISPUTES("disputes", "dispute", "/v1/disputes", StripePermission.DISPUTE, List.of("dp_", "du_"), Set.of()),
    EVENTS("events", "event", "/v1/events", StripePermission.EVENT, List.of("evt_"), Set.of("type")),
    INVOICE_ITEMS("invoice_items", "invoiceitem", "/v1/invoiceitems", StripePermission.INVOICE_ITEM, List.of("ii_"), Set.of("customer")),
    INVOICES("invoices", "invoice", "/v1/invoices", StripePermission.INVOICE, List.of("in_"), Set.of("customer", "status")),
    PAYMENT_INTENTS("payment_intents", "payment_intent", "/v1/payment_intents", StripePermission.PAYMENT_INTENT, List.of("pi_"), Set.of("customer")),
    PAYOUTS("payouts", "payout", "/v1/payouts", StripePermission.PAYOUT, List.of("po_"), Set.of("status")),
    PLANS("plans", "plan", "/v1/plans", StripePermission.PRICE, List.of(), Set.of("active")),
    PRICES("prices", "price", "/v1/prices", StripePermission.PRICE, List.of(), Set.of("active", "currency", "type")),
    PRODUCTS("products", "product", "/v1/products", StripePermission.PRODUCT, List.of(), Set.of("active")),
    PROMOTION_CODES("promotion_codes", "promotion_code", "/v1/promotion_codes", StripePermission.COUPON, List.of("promo_"), Set.of("active", "customer")),
    REFUNDS("refunds", "refund", "/v1/refunds", StripePermission.REFUND, List.of("re_", "pyr_"), Set.of()),
    SUBSCRIPTIONS("subscriptions", "subscription", "/v1/subscriptions", StripePermission.SUBSCRIPTION, List.of("sub_"), Set.of("customer", "status")),
    TRANSFERS("transfers", "transfer", "/v1/transfers", StripePermission.TRANSFER, List.of("tr_"), Set.of());

    /** Filters every list endpoint above supports, besides those in {@link #filters()}. */
    static final Set<String> COMMON_FILTERS = Set.of("limit", "starting_after", "created_gt", "created_gte", "created_lt", "created_lte");

    private final String apiName;
    private final String objectType;
    private final String path;
    private final StripePermission permission;
    private final List<String> idPrefixes;
    private final Set<String> filters;

    StripeObject(String apiName, String objectType, String path, StripePermission permission, List<String> idPrefixes,
                 Set<String> filters) {
        this.apiName = apiName;
        this.objectType = objectType;
        this.path = path;
        this.permission = permission;
        this.idPrefixes = idPrefixes;
        this.filters = filters;
    }

    String apiName() {
        return apiName;
    }

    /**
     * The {@code object} value Stripe puts in each object's JSON, such as {@code customer} or
     * {@code checkout.session}: how an event's {@code data.object} says what it is about.
     */
    String objectType() {
        return objectType;
    }

    String path() {
        return path;
    }

    StripePermission permission() {
        return permission;
    }

    /** Id prefixes, such as {@code cus_}; empty when ids may be chosen freely (coupons, prices, products). */
    List<String> idPrefixes() {
        return idPrefixes;
    }

    /** The object-specific filters Stripe supports on this list. */
    Set<String> filters() {
        return filters;
    }

    /** The field holding the creation time: {@code created}, but {@code date} on invoice items. */
    String createdField() {
        return this == INVOICE_ITEMS ? "date" : "created";
    }

    boolean acceptsId(String id) {
        return idPrefixes.isEmpty() || idPrefixes.stream().anyMatch(id::startsWith);
    }

    static Optional<StripeObject> ofApiName(String name) {
        return Arrays.stream(values()).filter(object -> object.apiName.equals(name)).findFirst();
    }

    /** The object whose JSON says {@code "object": objectType}. */
    static Optional<StripeObject> ofObjectType(String objectType) {
        return Arrays.stream(values()).filter(object -> object.objectType.equals(objectType)).findFirst();
    }

    static String[] apiNames() {
        return Arrays.stream(values()).map(StripeObject::apiName).toArray(String[]::new);
    }
}
