package io.tributary.connector.stripe.fake;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The read permissions of a restricted key, under the names Stripe gives them in 403 errors. The
 * router names one of these for every endpoint it serves, so a test can build a key that lacks
 * exactly one ({@link KeyAccess#allReadsExcept(FakeStripePermission)}).
 */
public enum FakeStripePermission {
    /** {@code GET /v1/account}, {@code /v1/accounts/{id}} and its external accounts. */
    ACCOUNT("rak_account_read"),
    /** Balance and balance transactions. */
    BALANCE("rak_balance_read"),
    CHARGE("rak_charge_read"),
    /** Checkout Sessions and their line items. */
    CHECKOUT_SESSION("rak_checkout_session_read"),
    /** Coupons and promotion codes. */
    COUPON("rak_coupon_read"),
    CREDIT_NOTE("rak_credit_note_read"),
    /** Customers, their balance transactions and their bank accounts (sources). */
    CUSTOMER("rak_customer_read"),
    DISPUTE("rak_dispute_read"),
    EVENT("rak_event_read"),
    /** Invoices and their line items. */
    INVOICE("rak_invoice_read"),
    INVOICE_ITEM("rak_invoice_item_read"),
    PAYMENT_INTENT("rak_payment_intent_read"),
    PAYOUT("rak_payout_read"),
    /** Prices and legacy plans. */
    PRICE("rak_price_read"),
    PRODUCT("rak_product_read"),
    REFUND("rak_refund_read"),
    /** Subscriptions and subscription items. */
    SUBSCRIPTION("rak_subscription_read"),
    TRANSFER("rak_transfer_read");

    private final String apiName;

    FakeStripePermission(String apiName) {
        this.apiName = apiName;
    }

    /** The name in Stripe's 403 message, such as {@code rak_charge_read}. */
    public String apiName() {
        return apiName;
    }

    /** The matching write permission, which Stripe names when a read-only key tries to write. */
    String writeName() {
        return apiName.replace("_read", "_write");
    }

    /** Every read permission: what a restricted key set to "Read" everywhere holds. */
    public static Set<FakeStripePermission> allReads() {
        return EnumSet.allOf(FakeStripePermission.class);
    }

    /** The permission Stripe calls {@code apiName}, if the fake knows it. */
    public static Optional<FakeStripePermission> ofApiName(String apiName) {
        return Arrays.stream(values()).filter(permission -> permission.apiName.equals(apiName)).findFirst();
    }
}
