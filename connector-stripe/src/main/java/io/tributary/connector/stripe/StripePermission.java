package io.tributary.connector.stripe;

import java.util.Arrays;
import java.util.Optional;

/**
 * The read permissions of a Stripe restricted key that this connector uses, with the name Stripe
 * gives them in API errors ({@code rak_charge_read}) and the resource a person sets to "Read" in
 * the Dashboard.
 */
public enum StripePermission {
    /** Account details. */
    ACCOUNT("rak_account_read", "Account"),
    /** Balance and balance transactions. */
    BALANCE("rak_balance_read", "Balance"),
    /** Charges. */
    CHARGE("rak_charge_read", "Charges"),
    /** Checkout Sessions and their line items. */
    CHECKOUT_SESSION("rak_checkout_session_read", "Checkout Sessions"),
    /** Coupons and promotion codes. */
    COUPON("rak_coupon_read", "Coupons"),
    /** Credit notes. */
    CREDIT_NOTE("rak_credit_note_read", "Credit notes"),
    /** Customers, their balance transactions and bank accounts. */
    CUSTOMER("rak_customer_read", "Customers"),
    /** Disputes. */
    DISPUTE("rak_dispute_read", "Disputes"),
    /** Events. */
    EVENT("rak_event_read", "Events"),
    /** Invoices and their line items. */
    INVOICE("rak_invoice_read", "Invoices"),
    /** Invoice items. */
    INVOICE_ITEM("rak_invoice_item_read", "Invoice items"),
    /** Payment intents. */
    PAYMENT_INTENT("rak_payment_intent_read", "PaymentIntents"),
    /** Payouts. */
    PAYOUT("rak_payout_read", "Payouts"),
    /** Prices and plans. */
    PRICE("rak_price_read", "Prices"),
    /** Products. */
    PRODUCT("rak_product_read", "Products"),
    /** Refunds. */
    REFUND("rak_refund_read", "Refunds"),
    /** Subscriptions and subscription items. */
    SUBSCRIPTION("rak_subscription_read", "Subscriptions"),
    /** Transfers. */
    TRANSFER("rak_transfer_read", "Transfers");

    private final String apiName;
    private final String resource;

    StripePermission(String apiName, String resource) {
        this.apiName = apiName;
        this.resource = resource;
    }

    /**
     * The name Stripe uses in API errors.
     *
     * @return such as {@code rak_charge_read}
     */
    public String apiName() {
        return apiName;
    }

    /**
     * What to grant, in the Dashboard's words.
     *
     * @return such as {@code Charges: Read}
     */
    public String toGrant() {
        return resource + ": Read";
    }

    /**
     * The permission Stripe names in an error.
     *
     * @param apiName such as {@code rak_charge_read}
     * @return the permission, or empty when it is not one this connector uses
     */
    public static Optional<StripePermission> ofApiName(String apiName) {
        return Arrays.stream(values()).filter(permission -> permission.apiName.equals(apiName)).findFirst();
    }
}
