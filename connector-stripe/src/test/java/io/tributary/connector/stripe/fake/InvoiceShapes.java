package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON shapes (API 2026-07-29.dahlia) of invoices, invoice line items, invoice items and
 * credit notes. From API 2025-03-31.basil an invoice names its subscription under
 * {@code parent.subscription_details} and a line its price under {@code pricing.price_details}.
 */
final class InvoiceShapes {

    private InvoiceShapes() {
    }

    /** An invoice as stored: {@code lines} is filled in when it is rendered. */
    static ObjectNode invoice(String id, InvoiceFields fields, AccountSettings account) {
        boolean paid = "paid".equals(fields.status());
        boolean draft = "draft".equals(fields.status());
        long total = fields.total();
        ObjectNode node = Json.object(96);
        node.put("id", id);
        node.put("object", "invoice");
        node.put("account_country", "US");
        node.put("account_name", account.displayName());
        node.putNull("account_tax_ids");
        node.put("amount_due", total);
        node.put("amount_overpaid", 0);
        node.put("amount_paid", paid ? total : 0);
        node.put("amount_paid_off_stripe", 0);
        node.put("amount_remaining", paid || "void".equals(fields.status()) ? 0 : total);
        node.put("amount_shipping", 0);
        node.putNull("application");
        node.put("attempt_count", fields.attemptCount());
        node.put("attempted", fields.attemptCount() > 0);
        node.put("auto_advance", "open".equals(fields.status()) || draft);
        ObjectNode automaticTax = node.putObject("automatic_tax");
        automaticTax.putNull("disabled_reason");
        automaticTax.put("enabled", false);
        automaticTax.putNull("liability");
        automaticTax.putNull("provider");
        automaticTax.putNull("status");
        node.putNull("automatically_finalizes_at");
        node.put("billing_reason", fields.subscription() == null ? "manual" : fields.billingReason());
        node.put("collection_method", "charge_automatically");
        node.put("created", fields.created());
        node.put("currency", fields.currency());
        node.putNull("custom_fields");
        node.put("customer", fields.customer());
        node.putNull("customer_account");
        node.putNull("customer_address");
        node.put("customer_email", fields.customerEmail());
        node.put("customer_name", fields.customerName());
        node.putNull("customer_phone");
        node.putNull("customer_shipping");
        node.put("customer_tax_exempt", "none");
        node.putArray("customer_tax_ids");
        node.putNull("default_payment_method");
        node.putNull("default_source");
        node.putArray("default_tax_rates");
        node.putNull("description");
        node.set("discounts", Json.strings(fields.discounts()));
        node.putNull("due_date");
        node.put("effective_at", draft ? null : fields.created());
        node.put("ending_balance", draft ? null : 0L);
        node.putNull("footer");
        node.putNull("from_invoice");
        node.put("hosted_invoice_url", draft ? null : "https://invoice.stripe.com/i/" + account.id() + "/" + id);
        node.put("invoice_pdf", draft ? null : "https://pay.stripe.com/invoice/" + account.id() + "/" + id + "/pdf");
        node.putObject("issuer").put("type", "self");
        node.putNull("last_finalization_error");
        node.putNull("latest_revision");
        node.putNull("lines");
        node.put("livemode", account.livemode());
        node.set("metadata", Json.metadata());
        node.put("next_payment_attempt", "open".equals(fields.status()) ? fields.created() + 3 * 86_400L : null);
        node.put("number", draft ? null : fields.number());
        node.putNull("on_behalf_of");
        if (fields.subscription() == null) {
            node.putNull("parent");
        } else {
            ObjectNode parent = node.putObject("parent");
            parent.putNull("quote_details");
            ObjectNode details = parent.putObject("subscription_details");
            details.set("metadata", Json.metadata());
            details.put("subscription", fields.subscription());
            parent.put("type", "subscription_details");
        }
        ObjectNode paymentSettings = node.putObject("payment_settings");
        paymentSettings.putNull("default_mandate");
        paymentSettings.putNull("payment_method_options");
        paymentSettings.putNull("payment_method_types");
        node.put("period_end", fields.periodEnd());
        node.put("period_start", fields.periodStart());
        node.put("post_payment_credit_notes_amount", 0);
        node.put("pre_payment_credit_notes_amount", 0);
        node.putNull("receipt_number");
        node.putNull("rendering");
        node.putNull("shipping_cost");
        node.putNull("shipping_details");
        node.put("starting_balance", 0);
        node.putNull("statement_descriptor");
        node.put("status", fields.status());
        ObjectNode transitions = node.putObject("status_transitions");
        transitions.put("finalized_at", draft ? null : fields.created());
        transitions.put("marked_uncollectible_at", "uncollectible".equals(fields.status()) ? fields.created() : null);
        transitions.put("paid_at", paid ? fields.created() : null);
        transitions.put("voided_at", "void".equals(fields.status()) ? fields.created() : null);
        node.put("subtotal", fields.subtotal());
        node.put("subtotal_excluding_tax", fields.subtotal());
        node.putNull("test_clock");
        node.putNull("threshold_reason");
        node.put("total", total);
        var discountAmounts = node.putArray("total_discount_amounts");
        if (!fields.discounts().isEmpty() && fields.subtotal() > total) {
            discountAmounts.addObject().put("amount", fields.subtotal() - total).put("discount", fields.discounts().get(0));
        }
        node.put("total_excluding_tax", total);
        node.putArray("total_pretax_credit_amounts");
        node.putArray("total_taxes");
        node.put("webhooks_delivered_at", draft ? null : fields.created());
        return node;
    }

    /**
     * An invoice line ({@code object: line_item}) billing a subscription item, or an invoice item
     * when {@code subscriptionItem} is null.
     */
    static ObjectNode invoiceLineItem(String id, String invoice, LineFields line, boolean livemode) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "line_item");
        node.put("amount", line.amount());
        node.put("currency", line.currency());
        node.put("description", line.description());
        node.putArray("discount_amounts");
        node.put("discountable", true);
        node.putArray("discounts");
        node.put("invoice", invoice);
        node.put("livemode", livemode);
        node.set("metadata", Json.metadata());
        ObjectNode parent = node.putObject("parent");
        if (line.subscriptionItem() != null) {
            parent.putNull("invoice_item_details");
            ObjectNode details = parent.putObject("subscription_item_details");
            details.putNull("invoice_item");
            details.put("proration", false);
            details.putObject("proration_details").putNull("credited_items");
            details.put("subscription", line.subscription());
            details.put("subscription_item", line.subscriptionItem());
            parent.put("type", "subscription_item_details");
        } else {
            ObjectNode details = parent.putObject("invoice_item_details");
            details.put("invoice_item", line.invoiceItem());
            details.put("proration", false);
            details.putObject("proration_details").putNull("credited_items");
            details.put("subscription", line.subscription());
            parent.putNull("subscription_item_details");
            parent.put("type", "invoice_item_details");
        }
        ObjectNode period = node.putObject("period");
        period.put("end", line.periodEnd());
        period.put("start", line.periodStart());
        node.putArray("pretax_credit_amounts");
        node.set("pricing", pricing(line.price(), line.product(), line.unitAmount()));
        node.put("quantity", line.quantity());
        node.put("quantity_decimal", Long.toString(line.quantity()));
        node.put("subscription", line.subscription());
        node.put("subtotal", line.amount());
        node.putArray("taxes");
        return node;
    }

    /** A pending or invoiced invoice item. */
    static ObjectNode invoiceItem(String id, String customer, String invoice, LineFields line, long date, boolean livemode) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "invoiceitem");
        node.put("amount", line.amount());
        node.put("currency", line.currency());
        node.put("customer", customer);
        node.putNull("customer_account");
        node.put("date", date);
        node.put("description", line.description());
        node.put("discountable", true);
        node.putArray("discounts");
        node.put("invoice", invoice);
        node.put("livemode", livemode);
        node.set("metadata", Json.metadata());
        node.put("net_amount", line.amount());
        node.putNull("parent");
        ObjectNode period = node.putObject("period");
        period.put("end", line.periodEnd());
        period.put("start", line.periodStart());
        node.set("pricing", pricing(line.price(), line.product(), line.unitAmount()));
        node.put("proration", false);
        ObjectNode proration = node.putObject("proration_details");
        proration.putNull("credited_items");
        proration.putArray("discount_amounts");
        node.put("quantity", line.quantity());
        node.put("quantity_decimal", Long.toString(line.quantity()));
        node.putArray("tax_rates");
        node.putNull("test_clock");
        return node;
    }

    private static ObjectNode pricing(String price, String product, long unitAmount) {
        ObjectNode pricing = Json.object();
        ObjectNode details = pricing.putObject("price_details");
        details.put("price", price);
        details.put("product", product);
        pricing.put("type", "price_details");
        pricing.put("unit_amount_decimal", Long.toString(unitAmount));
        return pricing;
    }

    /** A credit note with one custom line, as issued after payment. */
    static ObjectNode creditNote(String id, String invoice, String customer, String number, long amount, String currency,
            String reason, long created, String lineId, boolean livemode) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "credit_note");
        node.put("amount", amount);
        node.put("amount_shipping", 0);
        node.put("created", created);
        node.put("currency", currency);
        node.put("customer", customer);
        node.putNull("customer_account");
        node.putNull("customer_balance_transaction");
        node.put("discount_amount", 0);
        node.putArray("discount_amounts");
        node.put("effective_at", created);
        node.put("invoice", invoice);
        ObjectNode line = Json.object();
        line.put("id", lineId);
        line.put("object", "credit_note_line_item");
        line.put("amount", amount);
        line.put("description", "Credit");
        line.put("discount_amount", 0);
        line.putArray("discount_amounts");
        line.putNull("invoice_line_item");
        line.put("livemode", livemode);
        line.set("metadata", Json.metadata());
        line.putArray("pretax_credit_amounts");
        line.put("quantity", 1);
        line.putArray("tax_rates");
        line.putArray("taxes");
        line.put("type", "custom_line_item");
        line.put("unit_amount", amount);
        line.put("unit_amount_decimal", Long.toString(amount));
        node.set("lines", Json.list(List.of(line), false, "/v1/credit_notes/" + id + "/lines"));
        node.put("livemode", livemode);
        node.putNull("memo");
        node.set("metadata", Json.metadata());
        node.put("number", number);
        node.putNull("out_of_band_amount");
        node.put("pdf", "https://pay.stripe.com/credit_notes/" + id + "/pdf");
        node.put("post_payment_amount", amount);
        node.put("pre_payment_amount", 0);
        node.putArray("pretax_credit_amounts");
        node.put("reason", reason);
        node.putArray("refunds");
        node.putNull("shipping_cost");
        node.put("status", "issued");
        node.put("subtotal", amount);
        node.put("subtotal_excluding_tax", amount);
        node.put("total", amount);
        node.put("total_excluding_tax", amount);
        node.putArray("total_taxes");
        node.put("type", "post_payment");
        node.putNull("voided_at");
        return node;
    }

    /** The parts of an invoice that vary. */
    record InvoiceFields(String customer, String customerEmail, String customerName, String subscription, String status,
            String currency, long subtotal, long total, long created, long periodStart, long periodEnd, long attemptCount,
            String billingReason, String number, List<String> discounts) {
    }

    /** One billed line: what was bought, how many, for how much, over which period. */
    record LineFields(String price, String product, String description, long unitAmount, long quantity, long amount,
            String currency, long periodStart, long periodEnd, String subscription, String subscriptionItem,
            String invoiceItem) {
    }
}
