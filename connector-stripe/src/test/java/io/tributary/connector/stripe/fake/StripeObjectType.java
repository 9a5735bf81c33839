package io.tributary.connector.stripe.fake;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Stripe object types the fake stores: the {@code object} value Stripe sends, the id prefix,
 * the field lists sort on and the prefix of the events a change to one records.
 */
public enum StripeObjectType {
    CUSTOMER("customer", "cus", "created", "customer"),
    PRODUCT("product", "prod", "created", "product"),
    PRICE("price", "price", "created", "price"),
    PLAN("plan", "plan", "created", "plan"),
    COUPON("coupon", "", "created", "coupon"),
    PROMOTION_CODE("promotion_code", "promo", "created", "promotion_code"),
    DISCOUNT("discount", "di", "start", "customer.discount"),
    SUBSCRIPTION("subscription", "sub", "created", "customer.subscription"),
    SUBSCRIPTION_ITEM("subscription_item", "si", "created", "customer.subscription"),
    INVOICE("invoice", "in", "created", "invoice"),
    INVOICE_LINE_ITEM("line_item", "il", "", "invoice"),
    INVOICE_ITEM("invoiceitem", "ii", "date", "invoiceitem"),
    CREDIT_NOTE("credit_note", "cn", "created", "credit_note"),
    CHARGE("charge", "ch", "created", "charge"),
    REFUND("refund", "re", "created", "refund"),
    PAYMENT_INTENT("payment_intent", "pi", "created", "payment_intent"),
    DISPUTE("dispute", "du", "created", "charge.dispute"),
    CHECKOUT_SESSION("checkout.session", "cs", "created", "checkout.session"),
    CHECKOUT_LINE_ITEM("item", "li", "", "checkout.session"),
    BALANCE_TRANSACTION("balance_transaction", "txn", "created", "balance"),
    PAYOUT("payout", "po", "created", "payout"),
    TRANSFER("transfer", "tr", "created", "transfer"),
    BANK_ACCOUNT("bank_account", "ba", "", "customer.source"),
    CUSTOMER_BALANCE_TRANSACTION("customer_balance_transaction", "cbtxn", "created", "customer_balance_transaction"),
    EVENT("event", "evt", "created", "event");

    private final String objectName;
    private final String idPrefix;
    private final String sortField;
    private final String eventPrefix;

    StripeObjectType(String objectName, String idPrefix, String sortField, String eventPrefix) {
        this.objectName = objectName;
        this.idPrefix = idPrefix;
        this.sortField = sortField;
        this.eventPrefix = eventPrefix;
    }

    /** The {@code object} value Stripe sends, such as {@code checkout.session}. */
    public String objectName() {
        return objectName;
    }

    /** The id prefix without the underscore; empty for coupons, whose ids Stripe leaves bare. */
    String idPrefix() {
        return idPrefix;
    }

    /** The timestamp lists order by, newest first; empty where lists keep insertion order. */
    String sortField() {
        return sortField;
    }

    /** Events about this type are named {@code <prefix>.created|updated|deleted}. */
    String eventPrefix() {
        return eventPrefix;
    }

    /**
     * The type of a Stripe {@code object} value.
     *
     * @param objectName such as {@code subscription} or {@code checkout.session}
     * @return the type, or empty when the fake does not store it
     */
    public static Optional<StripeObjectType> ofObjectName(String objectName) {
        return Arrays.stream(values()).filter(type -> type.objectName.equals(objectName)).findFirst();
    }

    static StripeObjectType require(String objectName) {
        return ofObjectName(objectName)
                .orElseThrow(() -> new IllegalArgumentException("The fake stores no Stripe object type " + objectName));
    }
}
