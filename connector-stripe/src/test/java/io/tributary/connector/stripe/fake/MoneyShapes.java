package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes (API 2026-07-29.dahlia) of the balance, balance transactions, payouts,
 * transfers, bank accounts and customer balance transactions.
 */
final class MoneyShapes {

    private MoneyShapes() {
    }

    /** The balance: one entry per currency in each of {@code available} and {@code pending}. */
    static ObjectNode balance(Map<String, Long> available, Map<String, Long> pending, boolean livemode) {
        ObjectNode node = Json.object();
        node.put("object", "balance");
        node.set("available", funds(available));
        node.put("livemode", livemode);
        node.set("pending", funds(pending));
        return node;
    }

    private static ArrayNode funds(Map<String, Long> byCurrency) {
        ArrayNode array = Json.array();
        byCurrency.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            ObjectNode fund = array.addObject();
            fund.put("amount", entry.getValue());
            fund.put("currency", entry.getKey());
            fund.putObject("source_types").put("card", entry.getValue());
        });
        return array;
    }

    /** A balance transaction; {@code fee} is Stripe's processing fee, {@code net} what is left. */
    static ObjectNode balanceTransaction(String id, String type, long amount, long fee, long net, String currency,
            String source, String status, long created) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "balance_transaction");
        node.put("amount", amount);
        node.put("available_on", created + 2 * 86_400L);
        node.put("balance_type", "payments");
        node.put("created", created);
        node.put("currency", currency);
        node.put("description", description(type));
        node.putNull("exchange_rate");
        node.put("fee", fee);
        ArrayNode feeDetails = node.putArray("fee_details");
        if (fee != 0) {
            ObjectNode detail = feeDetails.addObject();
            detail.put("amount", fee);
            detail.putNull("application");
            detail.put("currency", currency);
            detail.put("description", "Stripe processing fees");
            detail.put("type", "stripe_fee");
        }
        node.put("net", net);
        node.put("reporting_category", reportingCategory(type));
        node.put("source", source);
        node.put("status", status);
        node.put("type", type);
        return node;
    }

    private static String description(String type) {
        return switch (type) {
            case "payout" -> "STRIPE PAYOUT";
            case "refund" -> "REFUND FOR CHARGE";
            case "stripe_fee" -> "Billing - Usage Fee";
            default -> null;
        };
    }

    private static String reportingCategory(String type) {
        return switch (type) {
            case "charge", "payment" -> "charge";
            case "refund", "payment_refund" -> "refund";
            case "payout" -> "payout";
            case "transfer" -> "transfer";
            case "stripe_fee", "application_fee" -> "fee";
            case "adjustment" -> "dispute";
            default -> "other_adjustment";
        };
    }

    /** A payout to a bank account. */
    static ObjectNode payout(String id, long amount, String currency, String status, long arrivalDate, String destination,
            String balanceTransaction, long created, String traceId, boolean livemode) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "payout");
        node.put("amount", amount);
        node.putNull("application_fee");
        node.putNull("application_fee_amount");
        node.put("arrival_date", arrivalDate);
        node.put("automatic", true);
        node.put("balance_transaction", balanceTransaction);
        node.put("created", created);
        node.put("currency", currency);
        node.put("description", "STRIPE PAYOUT");
        node.put("destination", destination);
        node.putNull("failure_balance_transaction");
        node.put("failure_code", "failed".equals(status) ? "account_closed" : null);
        node.put("failure_message", "failed".equals(status) ? "The bank account has been closed." : null);
        node.put("livemode", livemode);
        node.set("metadata", Json.metadata());
        node.put("method", "standard");
        node.putNull("original_payout");
        node.putNull("payout_method");
        node.put("reconciliation_status", "paid".equals(status) ? "completed" : "not_applicable");
        node.putNull("reversed_by");
        node.put("source_type", "card");
        node.putNull("statement_descriptor");
        node.put("status", status);
        ObjectNode trace = node.putObject("trace_id");
        trace.put("status", "paid".equals(status) ? "supported" : "pending");
        trace.put("value", "paid".equals(status) ? traceId : null);
        node.put("type", "bank_account");
        return node;
    }

    /** A transfer to a connected account. */
    static ObjectNode transfer(String id, long amount, String currency, String destination, String destinationPayment,
            String balanceTransaction, long created, boolean livemode) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "transfer");
        node.put("amount", amount);
        node.put("amount_reversed", 0);
        node.put("balance_transaction", balanceTransaction);
        node.put("created", created);
        node.put("currency", currency);
        node.putNull("description");
        node.put("destination", destination);
        node.put("destination_payment", destinationPayment);
        node.put("livemode", livemode);
        node.set("metadata", Json.metadata());
        node.set("reversals", Json.list(List.of(), false, "/v1/transfers/" + id + "/reversals"));
        node.put("reversed", false);
        node.putNull("source_transaction");
        node.put("source_type", "card");
        node.putNull("transfer_group");
        return node;
    }

    /**
     * A bank account: a customer's source when {@code customer} is set, else one of the
     * account's external accounts (payout destinations).
     */
    static ObjectNode bankAccount(String id, String account, String customer, String bankName, String last4,
            String currency, String fingerprint, boolean defaultForCurrency) {
        boolean external = customer == null;
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "bank_account");
        node.put("account", external ? account : null);
        node.put("account_holder_name", external ? null : "Jane Doe");
        node.put("account_holder_type", external ? "company" : "individual");
        node.putNull("account_type");
        if (external) {
            node.putArray("available_payout_methods").add("standard").add("instant");
        } else {
            node.putNull("available_payout_methods");
        }
        node.put("bank_name", bankName);
        node.put("country", "US");
        node.put("currency", currency);
        node.put("customer", customer);
        node.put("default_for_currency", external ? defaultForCurrency : null);
        node.put("fingerprint", fingerprint);
        node.set("future_requirements", external ? requirements() : null);
        node.put("last4", last4);
        node.set("metadata", Json.metadata());
        node.set("requirements", external ? requirements() : null);
        node.put("routing_number", "110000000");
        node.put("status", external ? "new" : "verified");
        return node;
    }

    private static ObjectNode requirements() {
        ObjectNode node = Json.object();
        node.putArray("currently_due");
        node.putArray("errors");
        node.putArray("past_due");
        node.putArray("pending_verification");
        return node;
    }

    /** A change to a customer's credit balance. */
    static ObjectNode customerBalanceTransaction(String id, String customer, long amount, String currency, String type,
            String description, long endingBalance, String invoice, long created, boolean livemode) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "customer_balance_transaction");
        node.put("amount", amount);
        node.putNull("checkout_session");
        node.put("created", created);
        node.putNull("credit_note");
        node.put("currency", currency);
        node.put("customer", customer);
        node.putNull("customer_account");
        node.put("description", description);
        node.put("ending_balance", endingBalance);
        node.put("invoice", invoice);
        node.put("livemode", livemode);
        node.set("metadata", Json.metadata());
        node.put("type", type);
        return node;
    }
}
