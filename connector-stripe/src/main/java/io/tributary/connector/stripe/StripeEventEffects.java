package io.tributary.connector.stripe;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which query types and streams a Stripe event makes stale, by event type. Rules are prefixes of
 * the event type; an event matching several rules makes stale everything they name. Every event
 * may change what {@code stripe.list} and {@code stripe.get} return, and every event is itself a
 * new row of the {@code events} stream.
 */
final class StripeEventEffects {

    /** What an event type prefix makes stale. */
    record Rule(String prefix, Set<String> queryTypes, Set<String> streams) {
    }

    /** The effects of one event. */
    record Effects(Set<String> queryTypes, Set<String> streams) {
    }

    private static final String MRR = StripeQueryTypes.MRR;
    private static final String SUBSCRIBERS = StripeQueryTypes.SUBSCRIBERS;
    private static final String CHARGES = StripeQueryTypes.RECENT_CHARGES;
    private static final String REVENUE = StripeQueryTypes.REVENUE;
    private static final String BALANCE = StripeQueryTypes.BALANCE;

    private static final List<Rule> RULES = List.of(
            new Rule("customer.subscription.", Set.of(MRR, SUBSCRIBERS), Set.of("subscriptions", "subscription_items")),
            new Rule("customer.discount.", Set.of(MRR), Set.of("customers", "subscriptions")),
            new Rule("customer.source.", Set.of(), Set.of("bank_accounts")),
            new Rule("customer.bank_account.", Set.of(), Set.of("bank_accounts")),
            new Rule("customer.created", Set.of(), Set.of("customers")),
            new Rule("customer.updated", Set.of(CHARGES), Set.of("customers")),
            new Rule("customer.deleted", Set.of(CHARGES, MRR, SUBSCRIBERS), Set.of("customers")),
            new Rule("customer_cash_balance_transaction.", Set.of(), Set.of("customer_balance_transactions")),
            new Rule("charge.dispute.", Set.of(REVENUE, BALANCE), Set.of("disputes", "charges", "balance_transactions")),
            new Rule("charge.refund", Set.of(CHARGES, REVENUE, BALANCE), Set.of("refunds", "charges", "balance_transactions")),
            new Rule("charge.", Set.of(CHARGES, REVENUE, BALANCE), Set.of("charges", "balance_transactions")),
            new Rule("refund.", Set.of(CHARGES, REVENUE, BALANCE), Set.of("refunds", "balance_transactions")),
            new Rule("balance.available", Set.of(BALANCE), Set.of("balance_transactions")),
            new Rule("payout.", Set.of(BALANCE), Set.of("payouts", "balance_transactions")),
            new Rule("payment_intent.", Set.of(), Set.of("payment_intents")),
            new Rule("invoice.", Set.of(), Set.of("invoices", "invoice_line_items")),
            new Rule("invoiceitem.", Set.of(), Set.of("invoice_items")),
            new Rule("credit_note.", Set.of(), Set.of("credit_notes")),
            new Rule("checkout.session.", Set.of(), Set.of("checkout_sessions", "checkout_sessions_line_items")),
            new Rule("coupon.", Set.of(MRR), Set.of("coupons")),
            new Rule("promotion_code.", Set.of(), Set.of("promotion_codes")),
            new Rule("price.", Set.of(MRR), Set.of("prices")),
            new Rule("plan.", Set.of(MRR), Set.of("plans")),
            new Rule("product.", Set.of(), Set.of("products")),
            new Rule("transfer.", Set.of(BALANCE), Set.of("transfers", "balance_transactions")));

    private StripeEventEffects() {
    }

    static Effects of(String eventType) {
        Set<String> queryTypes = new HashSet<>(Set.of(StripeQueryTypes.LIST, StripeQueryTypes.GET));
        Set<String> streams = new HashSet<>(Set.of("events"));
        for (Rule rule : RULES) {
            if (eventType.startsWith(rule.prefix())) {
                queryTypes.addAll(rule.queryTypes());
                streams.addAll(rule.streams());
            }
        }
        return new Effects(Set.copyOf(queryTypes), Set.copyOf(streams));
    }

    static List<Rule> rules() {
        return RULES;
    }
}
