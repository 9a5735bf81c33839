package io.tributary.connector.stripe;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Stripe objects this connector can list and retrieve: where they live, the permission that
 * reads them, the prefixes of their ids, and the list filters Stripe supports on them.
 */
enum StripeObject {
    BALANCE_TRANSACTIONS("balance_transactions", "/v1/balance_transactions", StripePermission.BALANCE, List.of("txn_"), Set.of("type", "currency")),
    CHARGES("charges", "/v1/charges", StripePermission.CHARGE, List.of("ch_", "py_"), Set.of("customer")),
    CHECKOUT_SESSIONS("checkout_sessions", "/v1/checkout/sessions", StripePermission.CHECKOUT_SESSION, List.of("cs_"), Set.of("customer", "status")),
    COUPONS("coupons", "/v1/coupons", StripePermission.COUPON, List.of(), Set.of()),
    CREDIT_NOTES("credit_notes", "/v1/credit_notes", StripePermission.CREDIT_NOTE, List.of("cn_"), Set.of("customer")),
    CUSTOMERS("customers", "/v1/customers", StripePermission.CUSTOMER, List.of("cus_"), Set.of("email")),
    DISPUTES("disputes", "/v1/disputes", StripePermission.DISPUTE, List.of("dp_", "du_"), Set.of()),
    EVENTS("events", "/v1/events", StripePermission.EVENT, List.of("evt_"), Set.of("type")),
    INVOICE_ITEMS("invoice_items", "/v1/invoiceitems", StripePermission.INVOICE_ITEM, List.of("ii_"), Set.of("customer")),
    INVOICES("invoices", "/v1/invoices", StripePermission.INVOICE, List.of("in_"), Set.of("customer", "status")),
    PAYMENT_INTENTS("payment_intents", "/v1/payment_intents", StripePermission.PAYMENT_INTENT, List.of("pi_"), Set.of("customer")),
    PAYOUTS("payouts", "/v1/payouts", StripePermission.PAYOUT, List.of("po_"), Set.of("status")),
    PLANS("plans", "/v1/plans", StripePermission.PRICE, List.of(), Set.of("active")),
    PRICES("prices", "/v1/prices", StripePermission.PRICE, List.of(), Set.of("active", "currency", "type")),
    PRODUCTS("products", "/v1/products", StripePermission.PRODUCT, List.of(), Set.of("active")),
    PROMOTION_CODES("promotion_codes", "/v1/promotion_codes", StripePermission.COUPON, List.of("promo_"), Set.of("active", "customer")),
    REFUNDS("refunds", "/v1/refunds", StripePermission.REFUND, List.of("re_", "pyr_"), Set.of()),
    SUBSCRIPTIONS("subscriptions", "/v1/subscriptions", StripePermission.SUBSCRIPTION, List.of("sub_"), Set.of("customer", "status")),
    TRANSFERS("transfers", "/v1/transfers", StripePermission.TRANSFER, List.of("tr_"), Set.of());

    /** Filters every list endpoint above supports, besides those in {@link #filters()}. */
    static final Set<String> COMMON_FILTERS = Set.of("limit", "starting_after", "created_gt", "created_gte", "created_lt", "created_lte");

    private final String apiName;
    private final String path;
    private final StripePermission permission;
    private final List<String> idPrefixes;
    private final Set<String> filters;

    StripeObject(String apiName, String path, StripePermission permission, List<String> idPrefixes, Set<String> filters) {
        this.apiName = apiName;
        this.path = path;
        this.permission = permission;
        this.idPrefixes = idPrefixes;
        this.filters = filters;
    }

    String apiName() {
        return apiName;
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

    static String[] apiNames() {
        return Arrays.stream(values()).map(StripeObject::apiName).toArray(String[]::new);
    }
}
