package io.tributary.connector.stripe;

import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.ResultField;
import java.util.ArrayList;
import java.util.List;

/**
 * The query types of the Stripe connector: their parameters and result shapes. Every amount sits
 * beside the {@code currency} it is written in, so each is a {@link FieldType#MONEY} field naming
 * that sibling; the connector's {@link StripeMinorUnits} say how many decimals each currency has.
 */
final class StripeQueryTypes {

    static final String MRR = "stripe.mrr";
    static final String BALANCE = "stripe.balance";
    static final String RECENT_CHARGES = "stripe.recent_charges";
    static final String LIST = "stripe.list";
    static final String GET = "stripe.get";
    static final String REVENUE = "stripe.revenue";
    static final String SUBSCRIBERS = "stripe.subscribers";

    private static final String CURRENCY = "currency";
    private static final String CURRENCY_PATTERN = "[a-z]{3}";
    /** An object id goes into a request path as it is, so it may hold only characters that need no escaping. */
    private static final String ID_PATTERN = "[A-Za-z0-9_\\-]{1,255}";

    private StripeQueryTypes() {
    }

    static List<QueryType> all() {
        return List.of(mrr(), balance(), recentCharges(), list(), get(), revenue(), subscribers());
    }

    private static QueryType mrr() {
        return QueryType.builder(MRR,
                        "Monthly recurring revenue of active and past-due subscriptions: each item's price times quantity, "
                                + "normalised to one month, less discounts; metered prices left out. Amounts in different currencies are never added together.")
                .parameter(ParameterSpec.string(CURRENCY, "The currency of amount_cents; by default the account's default currency, "
                        + "or the largest when it is unknown.").matching(CURRENCY_PATTERN))
                .resultField(
                        money("amount_cents", "MRR in the currency's smallest unit."),
                        ResultField.of(CURRENCY, FieldType.STRING, "The currency of amount_cents, lower case."),
                        ResultField.of("subscriptions", FieldType.INTEGER, "Subscriptions counted in that currency."),
                        ResultField.arrayOf("by_currency", "MRR per currency, largest first.",
                                ResultField.of(CURRENCY, FieldType.STRING, "The currency, lower case."),
                                money("amount_cents", "MRR in its smallest unit."),
                                ResultField.of("subscriptions", FieldType.INTEGER, "Subscriptions counted.")),
                        ResultField.of("metered_items_excluded", FieldType.INTEGER, "Subscription items on usage-based prices, left out."),
                        ResultField.of("tiered_items_excluded", FieldType.INTEGER, "Subscription items on tiered prices, left out."))
                .build();
    }

    private static QueryType balance() {
        return QueryType.builder(BALANCE, "The account's balance: funds available for payout and funds still pending.")
                .parameter(ParameterSpec.string(CURRENCY, "The currency of the top-level amounts; by default the account's default currency, "
                        + "or the largest when it is unknown.").matching(CURRENCY_PATTERN))
                .resultField(
                        money("available_cents", "Available funds in the currency's smallest unit."),
                        money("pending_cents", "Pending funds in the currency's smallest unit."),
                        ResultField.of(CURRENCY, FieldType.STRING, "The currency of the amounts above, lower case."),
                        ResultField.arrayOf("by_currency", "The balance per currency.",
                                ResultField.of(CURRENCY, FieldType.STRING, "The currency, lower case."),
                                money("available_cents", "Available funds."),
                                money("pending_cents", "Pending funds.")))
                .build();
    }

    private static QueryType recentCharges() {
        return QueryType.builder(RECENT_CHARGES, "The most recent charges, newest first.")
                .parameter(ParameterSpec.integer("limit", "How many charges.").between(1, 100).withDefault(10L))
                .resultField(ResultField.arrayOf("charges", "Newest first.",
                        ResultField.of("id", FieldType.STRING, "The charge id."),
                        money("amount_cents", "The amount in the currency's smallest unit."),
                        ResultField.of(CURRENCY, FieldType.STRING, "The currency, lower case."),
                        ResultField.of("status", FieldType.STRING, "succeeded, pending or failed."),
                        ResultField.of("created_at_unix", FieldType.TIMESTAMP, "When it was created."),
                        ResultField.nullable("customer_email", FieldType.STRING,
                                "The customer's email, else the billing details' email, else the receipt email.")))
                .build();
    }

    private static QueryType list() {
        QueryType.Builder list = QueryType.builder(LIST, "One page of any Stripe object, newest first, with the filters Stripe supports on it.")
                .parameter(
                        ParameterSpec.string("object", "The kind of object to list.").oneOf(listableObjects()).asRequired(),
                        ParameterSpec.string("parent", "For objects listed under a parent, the parent's id: the invoice of invoice_line_items, "
                                + "the subscription of subscription_items, the Checkout Session of checkout_sessions_line_items, "
                                + "the customer of customer_balance_transactions and bank_accounts.").matching(ID_PATTERN),
                        ParameterSpec.integer("limit", "How many objects.").between(1, 100).withDefault(10L),
                        ParameterSpec.string("starting_after", "The next_cursor of the previous page."),
                        ParameterSpec.string("customer", "Only objects of this customer (cus_...)."),
                        ParameterSpec.string("email", "Only customers with this email."),
                        ParameterSpec.string("status", "Only objects in this status."),
                        ParameterSpec.bool("active", "Only active (or inactive) products, prices, plans or promotion codes."),
                        ParameterSpec.string("type", "Only balance transactions, prices or events of this type."),
                        ParameterSpec.string(CURRENCY, "Only balance transactions or prices in this currency.").matching(CURRENCY_PATTERN));
        for (String bound : List.of("gt", "gte", "lt", "lte")) {
            list.parameter(ParameterSpec.timestamp("created_" + bound, "Only objects created " + switch (bound) {
                case "gt" -> "after";
                case "gte" -> "at or after";
                case "lt" -> "before";
                default -> "at or before";
            } + " this time."));
        }
        return list.resultField(
                        ResultField.of("data", FieldType.ARRAY, "The objects, as Stripe returns them."),
                        ResultField.of("has_more", FieldType.BOOLEAN, "Whether another page follows."),
                        ResultField.nullable("next_cursor", FieldType.STRING, "Pass as starting_after for the next page."))
                .build();
    }

    private static String[] listableObjects() {
        List<String> names = new ArrayList<>(List.of(StripeObject.apiNames()));
        names.addAll(StripeStream.childNames());
        return names.toArray(String[]::new);
    }

    private static QueryType get() {
        return QueryType.builder(GET, "One Stripe object by its id.")
                .parameter(
                        ParameterSpec.string("object", "The kind of object.").oneOf(StripeObject.apiNames()).asRequired(),
                        ParameterSpec.string("id", "The object's id, such as cus_NffrFeUfNV2Hib.").matching(ID_PATTERN).asRequired())
                .resultField(ResultField.of("object", FieldType.OBJECT, "The object, as Stripe returns it."))
                .build();
    }

    private static QueryType revenue() {
        return QueryType.builder(REVENUE,
                        "Gross volume, refunds, fees and net revenue over a period, from the balance transactions of payments and refunds.")
                .parameter(
                        ParameterSpec.integer("days", "The period: this many days up to now, unless created_gte is given.").between(1, 3660).withDefault(30L),
                        ParameterSpec.timestamp("created_gte", "The period's start (inclusive)."),
                        ParameterSpec.timestamp("created_lt", "The period's end (exclusive); by default now."),
                        ParameterSpec.string(CURRENCY, "The currency of the top-level amounts; by default the account's default currency, "
                                + "or the largest when it is unknown.").matching(CURRENCY_PATTERN))
                .resultField(
                        money("gross_cents", "Payments, before refunds and fees."),
                        money("refunded_cents", "Refunds, as a positive amount."),
                        money("fees_cents", "Stripe fees on those payments and refunds."),
                        money("net_cents", "gross - refunded - fees."),
                        ResultField.of(CURRENCY, FieldType.STRING, "The currency of the amounts above, lower case."),
                        ResultField.of("transactions", FieldType.INTEGER, "Balance transactions counted in that currency."),
                        ResultField.of("period_start_unix", FieldType.TIMESTAMP, "The period's start."),
                        ResultField.of("period_end_unix", FieldType.TIMESTAMP, "The period's end."),
                        ResultField.arrayOf("by_currency", "The same figures per currency.",
                                ResultField.of(CURRENCY, FieldType.STRING, "The currency, lower case."),
                                money("gross_cents", "Payments."),
                                money("refunded_cents", "Refunds."),
                                money("fees_cents", "Fees."),
                                money("net_cents", "Net."),
                                ResultField.of("transactions", FieldType.INTEGER, "Balance transactions counted.")))
                .build();
    }

    private static QueryType subscribers() {
        return QueryType.builder(SUBSCRIBERS, "How many subscriptions are active, past due and trialing, and how many customers pay.")
                .resultField(
                        ResultField.of("active_subscriptions", FieldType.INTEGER, "Subscriptions in status active."),
                        ResultField.of("past_due_subscriptions", FieldType.INTEGER, "Subscriptions in status past_due."),
                        ResultField.of("trialing_subscriptions", FieldType.INTEGER, "Subscriptions in status trialing."),
                        ResultField.of("paying_customers", FieldType.INTEGER, "Distinct customers with an active or past-due subscription."))
                .build();
    }

    /** An amount in the smallest unit of the sibling {@code currency}. */
    private static ResultField money(String name, String description) {
        return ResultField.money(name, description, CURRENCY);
    }
}
