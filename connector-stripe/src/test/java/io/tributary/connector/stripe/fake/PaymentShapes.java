package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON shapes (API 2026-07-29.dahlia) of charges, refunds, payment intents, disputes,
 * Checkout Sessions and their line items. Charges leave out {@code refunds}, which Stripe only
 * includes when expanded since 2022-11-15.
 */
final class PaymentShapes {

    private PaymentShapes() {
    }

    /** A card charge; {@code status} is succeeded, pending or failed. */
    static ObjectNode charge(String id, ChargeFields fields, AccountSettings account) {
        boolean succeeded = "succeeded".equals(fields.status());
        boolean failed = "failed".equals(fields.status());
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "charge");
        node.put("amount", fields.amount());
        node.put("amount_captured", succeeded ? fields.amount() : 0);
        node.put("amount_refunded", fields.amountRefunded());
        node.putNull("application");
        node.putNull("application_fee");
        node.putNull("application_fee_amount");
        node.put("balance_transaction", fields.balanceTransaction());
        ObjectNode billing = node.putObject("billing_details");
        ObjectNode address = billing.putObject("address");
        for (String field : new String[] {"city", "country", "line1", "line2", "postal_code", "state"}) {
            address.putNull(field);
        }
        billing.put("email", fields.billingEmail());
        billing.putNull("name");
        billing.putNull("phone");
        billing.putNull("tax_id");
        node.put("calculated_statement_descriptor", statementDescriptor(account));
        node.put("captured", succeeded);
        node.put("created", fields.created());
        node.put("currency", fields.currency());
        node.put("customer", fields.customer());
        node.putNull("description");
        node.put("disputed", fields.disputed());
        node.putNull("failure_balance_transaction");
        node.put("failure_code", failed ? "card_declined" : null);
        node.put("failure_message", failed ? "Your card was declined." : null);
        node.putObject("fraud_details");
        node.put("livemode", account.livemode());
        node.set("metadata", Json.metadata());
        node.putNull("on_behalf_of");
        ObjectNode outcome = node.putObject("outcome");
        outcome.putNull("advice_code");
        outcome.putNull("network_advice_code");
        outcome.putNull("network_decline_code");
        outcome.put("network_status", failed ? "declined_by_network" : "approved_by_network");
        outcome.put("reason", failed ? "generic_decline" : null);
        outcome.put("risk_level", "normal");
        outcome.put("risk_score", 20 + (int) (fields.amount() % 40));
        outcome.put("seller_message", failed ? "The bank did not return any further details with this decline."
                : "Payment complete.");
        outcome.put("type", failed ? "issuer_declined" : "authorized");
        node.put("paid", succeeded);
        node.put("payment_intent", fields.paymentIntent());
        node.put("payment_method", fields.paymentMethod());
        ObjectNode details = node.putObject("payment_method_details");
        ObjectNode card = details.putObject("card");
        card.put("amount_authorized", failed ? null : fields.amount());
        card.putNull("authorization_code");
        card.put("brand", "visa");
        ObjectNode checks = card.putObject("checks");
        checks.putNull("address_line1_check");
        checks.putNull("address_postal_code_check");
        checks.put("cvc_check", "pass");
        card.put("country", "US");
        card.put("exp_month", 12);
        card.put("exp_year", 2030);
        card.put("fingerprint", fields.cardFingerprint());
        card.put("funding", "credit");
        card.putNull("installments");
        card.put("last4", "4242");
        card.putNull("mandate");
        card.put("network", "visa");
        card.putNull("network_transaction_id");
        card.put("regulated_status", "unregulated");
        card.putNull("three_d_secure");
        card.putNull("wallet");
        details.put("type", "card");
        node.putNull("presentment_details");
        node.putObject("radar_options");
        node.put("receipt_email", fields.receiptEmail());
        node.putNull("receipt_number");
        node.put("receipt_url", "https://pay.stripe.com/receipts/payment/" + id);
        node.put("refunded", fields.amountRefunded() > 0 && fields.amountRefunded() == fields.amount());
        node.putNull("review");
        node.putNull("shipping");
        node.putNull("source");
        node.putNull("source_transfer");
        node.putNull("statement_descriptor");
        node.putNull("statement_descriptor_suffix");
        node.put("status", fields.status());
        node.putNull("transfer_data");
        node.putNull("transfer_group");
        return node;
    }

    /** A card refund. */
    static ObjectNode refund(String id, String charge, String customer, String paymentIntent, long amount, String currency,
            String reason, String status, String balanceTransaction, long created) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "refund");
        node.put("amount", amount);
        node.put("balance_transaction", balanceTransaction);
        node.put("charge", charge);
        node.put("created", created);
        node.put("currency", currency);
        node.put("customer", customer);
        node.putNull("customer_account");
        node.putNull("description");
        ObjectNode destination = node.putObject("destination_details");
        ObjectNode card = destination.putObject("card");
        card.putNull("reference");
        card.put("reference_status", "pending");
        card.put("reference_type", "acquirer_reference_number");
        card.put("type", "refund");
        destination.put("type", "card");
        node.set("metadata", Json.metadata());
        node.put("payment_intent", paymentIntent);
        node.putNull("payment_method");
        node.putNull("presentment_details");
        node.put("reason", reason);
        node.putNull("receipt_number");
        node.putNull("source_transfer_reversal");
        node.put("status", status);
        node.putNull("transfer_reversal");
        return node;
    }

    /** A card payment intent; {@code latestCharge} is null until one was attempted. */
    static ObjectNode paymentIntent(String id, String customer, long amount, String currency, String status,
            String latestCharge, String paymentMethod, String clientSecret, long created, boolean livemode) {
        boolean succeeded = "succeeded".equals(status);
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "payment_intent");
        node.putArray("allowed_payment_method_types");
        node.put("amount", amount);
        node.put("amount_capturable", 0);
        node.putObject("amount_details").putObject("tip");
        node.put("amount_received", succeeded ? amount : 0);
        node.putNull("application");
        node.putNull("application_fee_amount");
        ObjectNode automatic = node.putObject("automatic_payment_methods");
        automatic.put("allow_redirects", "always");
        automatic.put("enabled", true);
        node.put("canceled_at", "canceled".equals(status) ? created : null);
        node.put("cancellation_reason", "canceled".equals(status) ? "abandoned" : null);
        node.put("capture_method", "automatic_async");
        node.put("client_secret", clientSecret);
        node.put("confirmation_method", "automatic");
        node.put("created", created);
        node.put("currency", currency);
        node.put("customer", customer);
        node.putNull("customer_account");
        node.putNull("description");
        node.putNull("excluded_payment_method_types");
        node.putNull("hooks");
        node.putNull("last_payment_error");
        node.put("latest_charge", latestCharge);
        node.put("livemode", livemode);
        node.putNull("managed_payments");
        node.set("metadata", Json.metadata());
        node.putNull("next_action");
        node.putNull("on_behalf_of");
        node.putNull("payment_details");
        node.put("payment_method", paymentMethod);
        node.putNull("payment_method_configuration_details");
        node.putObject("payment_method_options");
        node.putArray("payment_method_types").add("card");
        node.putNull("presentment_details");
        node.putNull("processing");
        node.putNull("receipt_email");
        node.putNull("review");
        node.putNull("setup_future_usage");
        node.putNull("shipping");
        node.putNull("source");
        node.putNull("statement_descriptor");
        node.putNull("statement_descriptor_suffix");
        node.put("status", status);
        node.putNull("transfer_data");
        node.putNull("transfer_group");
        return node;
    }

    /** A card dispute (chargeback). */
    static ObjectNode dispute(String id, String charge, String paymentIntent, long amount, String currency, String reason,
            String status, long created, boolean livemode) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "dispute");
        node.put("amount", amount);
        node.putArray("balance_transactions");
        node.put("charge", charge);
        node.put("created", created);
        node.put("currency", currency);
        node.putArray("enhanced_eligibility_types");
        ObjectNode evidence = node.putObject("evidence");
        for (String field : new String[] {"access_activity_log", "billing_address", "cancellation_policy",
                "cancellation_policy_disclosure", "cancellation_rebuttal", "customer_communication",
                "customer_email_address", "customer_name", "customer_purchase_ip", "customer_signature",
                "duplicate_charge_documentation", "duplicate_charge_explanation", "duplicate_charge_id",
                "product_description", "receipt", "refund_policy", "refund_policy_disclosure",
                "refund_refusal_explanation", "service_date", "service_documentation", "shipping_address",
                "shipping_carrier", "shipping_date", "shipping_documentation", "shipping_tracking_number",
                "uncategorized_file", "uncategorized_text"}) {
            evidence.putNull(field);
        }
        evidence.putObject("enhanced_evidence");
        ObjectNode evidenceDetails = node.putObject("evidence_details");
        evidenceDetails.put("due_by", created + 21 * 86_400L);
        evidenceDetails.putObject("enhanced_eligibility");
        evidenceDetails.put("has_evidence", false);
        evidenceDetails.put("past_due", false);
        evidenceDetails.put("submission_count", 0);
        node.put("is_charge_refundable", false);
        node.put("livemode", livemode);
        node.set("metadata", Json.metadata());
        node.put("network_reason_code", "10.4");
        node.put("payment_intent", paymentIntent);
        ObjectNode details = node.putObject("payment_method_details");
        ObjectNode card = details.putObject("card");
        card.put("brand", "visa");
        card.put("case_type", "chargeback");
        card.put("network_reason_code", "10.4");
        details.put("type", "card");
        node.put("reason", reason);
        node.put("status", status);
        return node;
    }

    /** A hosted Checkout Session; its {@code line_items} are only included when expanded. */
    static ObjectNode checkoutSession(String id, SessionFields fields, AccountSettings account) {
        boolean complete = "complete".equals(fields.status());
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "checkout.session");
        node.putObject("adaptive_pricing").put("enabled", false);
        node.putNull("after_expiration");
        node.putNull("allow_promotion_codes");
        node.put("amount_subtotal", fields.amountTotal());
        node.put("amount_total", fields.amountTotal());
        ObjectNode automaticTax = node.putObject("automatic_tax");
        automaticTax.put("enabled", false);
        automaticTax.putNull("liability");
        automaticTax.putNull("provider");
        automaticTax.putNull("status");
        node.putNull("billing_address_collection");
        node.putNull("branding_settings");
        node.put("cancel_url", "https://example.com/cancel");
        node.putNull("client_reference_id");
        node.putNull("client_secret");
        node.putNull("collected_information");
        node.putNull("consent");
        node.putNull("consent_collection");
        node.put("created", fields.created());
        node.put("currency", fields.currency());
        node.putNull("currency_conversion");
        node.putArray("custom_fields");
        ObjectNode customText = node.putObject("custom_text");
        customText.putNull("after_submit");
        customText.putNull("shipping_address");
        customText.putNull("submit");
        customText.putNull("terms_of_service_acceptance");
        node.put("customer", fields.customer());
        node.putNull("customer_account");
        node.put("customer_creation", fields.customer() == null ? "if_required" : null);
        if (complete) {
            ObjectNode customerDetails = node.putObject("customer_details");
            customerDetails.putNull("address");
            customerDetails.putNull("business_name");
            customerDetails.put("email", fields.customerEmail());
            customerDetails.putNull("individual_name");
            customerDetails.putNull("name");
            customerDetails.putNull("phone");
            customerDetails.put("tax_exempt", "none");
            customerDetails.putArray("tax_ids");
        } else {
            node.putNull("customer_details");
        }
        node.putNull("customer_email");
        node.putArray("discounts");
        node.putNull("excluded_payment_method_types");
        node.put("expires_at", fields.created() + 86_400L);
        node.putNull("integration_identifier");
        node.put("invoice", fields.invoice());
        node.putNull("invoice_creation");
        node.put("livemode", account.livemode());
        node.putNull("locale");
        node.putNull("managed_payments");
        node.set("metadata", Json.metadata());
        node.put("mode", fields.mode());
        node.putNull("name_collection");
        node.putNull("optional_items");
        node.putNull("origin_context");
        node.put("payment_intent", fields.paymentIntent());
        node.putNull("payment_link");
        node.put("payment_method_collection", "always");
        node.putNull("payment_method_configuration_details");
        node.putObject("payment_method_options");
        node.putArray("payment_method_types").add("card");
        node.put("payment_status", complete ? "paid" : "unpaid");
        node.putNull("permissions");
        node.putObject("phone_number_collection").put("enabled", false);
        node.putNull("presentment_details");
        node.putNull("recovered_from");
        node.putNull("redirect_on_completion");
        node.putNull("return_url");
        node.putNull("saved_payment_method_options");
        node.putNull("setup_intent");
        node.putNull("shipping_address_collection");
        node.putNull("shipping_cost");
        node.putArray("shipping_options");
        node.put("status", fields.status());
        node.putNull("submit_type");
        node.put("subscription", fields.subscription());
        node.put("success_url", "https://example.com/success");
        ObjectNode taxIds = node.putObject("tax_id_collection");
        taxIds.put("enabled", false);
        taxIds.put("required", "never");
        ObjectNode totals = node.putObject("total_details");
        totals.put("amount_discount", 0);
        totals.put("amount_shipping", 0);
        totals.put("amount_tax", 0);
        node.put("ui_mode", "hosted");
        node.put("url", "open".equals(fields.status()) ? "https://checkout.stripe.com/c/pay/" + id : null);
        node.putNull("wallet_options");
        return node;
    }

    /** A Checkout line item ({@code object: item}); {@code price} holds the price id until rendered. */
    static ObjectNode checkoutLineItem(String id, String price, String description, long quantity, long amount,
            String currency) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "item");
        node.putNull("adjustable_quantity");
        node.put("amount_discount", 0);
        node.put("amount_subtotal", amount);
        node.put("amount_tax", 0);
        node.put("amount_total", amount);
        node.put("currency", currency);
        node.put("description", description);
        node.set("metadata", Json.metadata());
        node.put("price", price);
        node.put("quantity", quantity);
        return node;
    }

    private static String statementDescriptor(AccountSettings account) {
        String name = account.displayName().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9 ]", "");
        return name.length() > 22 ? name.substring(0, 22) : name;
    }

    /** The parts of a charge that vary. */
    record ChargeFields(String customer, long amount, String currency, String status, String billingEmail,
            String receiptEmail, long created, String paymentIntent, String paymentMethod, String balanceTransaction,
            long amountRefunded, boolean disputed, String cardFingerprint) {
    }

    /** The parts of a Checkout Session that vary. */
    record SessionFields(String customer, String customerEmail, String mode, String status, String currency,
            long amountTotal, String paymentIntent, String subscription, String invoice, long created) {
    }
}
