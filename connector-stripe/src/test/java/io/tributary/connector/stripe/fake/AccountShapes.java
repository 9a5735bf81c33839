package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;
import java.util.ArrayList;
import java.util.List;

/** The JSON shapes (API 2026-07-29.dahlia) of the account, customers and events. */
final class AccountShapes {

    /** The API version stripe-java pins, which events carry. */
    static final String API_VERSION = Stripe.API_VERSION;

    private AccountShapes() {
    }

    /** A customer; {@code subscriptions}, {@code sources} and {@code tax_ids} only come when expanded. */
    static ObjectNode customer(String id, String email, String name, String currency, long balance, String invoicePrefix,
            long created, boolean livemode) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "customer");
        node.putNull("address");
        node.put("balance", balance);
        node.putNull("business_name");
        node.put("created", created);
        node.put("currency", currency);
        node.putNull("customer_account");
        node.putNull("default_source");
        node.put("delinquent", false);
        node.putNull("description");
        node.putNull("discount");
        node.put("email", email);
        node.putNull("individual_name");
        node.put("invoice_prefix", invoicePrefix);
        ObjectNode invoiceSettings = node.putObject("invoice_settings");
        invoiceSettings.putNull("custom_fields");
        invoiceSettings.putNull("default_payment_method");
        invoiceSettings.putNull("footer");
        invoiceSettings.putNull("rendering_options");
        node.put("livemode", livemode);
        node.set("metadata", Json.metadata());
        node.put("name", name);
        node.put("next_invoice_sequence", 1);
        node.putNull("phone");
        node.putArray("preferred_locales");
        node.putNull("shipping");
        node.put("tax_exempt", "none");
        node.putNull("test_clock");
        return node;
    }

    /** What {@code GET /v1/customers/{id}} answers for a deleted customer. */
    static ObjectNode deletedCustomer(String id) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "customer");
        node.put("deleted", true);
        return node;
    }

    /** The account of {@code GET /v1/account}; {@code external_accounts} is filled in when rendered. */
    static ObjectNode account(AccountSettings settings, long created) {
        ObjectNode node = Json.object();
        node.put("id", settings.id());
        node.put("object", "account");
        ObjectNode profile = node.putObject("business_profile");
        profile.putNull("annual_revenue");
        profile.putNull("estimated_worker_count");
        profile.put("mcc", "5734");
        profile.putNull("minority_owned_business_designation");
        profile.put("name", settings.displayName());
        profile.putNull("product_description");
        profile.putNull("support_address");
        profile.putNull("support_email");
        profile.putNull("support_phone");
        profile.putNull("support_url");
        profile.put("url", "https://example.com");
        node.put("business_type", "company");
        ObjectNode capabilities = node.putObject("capabilities");
        capabilities.put("card_payments", "active");
        capabilities.put("transfers", "active");
        ObjectNode controller = node.putObject("controller");
        controller.put("type", "account");
        node.put("charges_enabled", true);
        node.put("country", "US");
        node.put("created", created);
        node.put("default_currency", settings.defaultCurrency());
        node.put("details_submitted", true);
        node.put("email", "owner@example.com");
        node.putNull("external_accounts");
        node.set("future_requirements", requirements());
        node.putNull("groups");
        node.set("metadata", Json.metadata());
        node.put("payouts_enabled", true);
        node.set("requirements", requirements());
        ObjectNode settingsNode = node.putObject("settings");
        ObjectNode dashboard = settingsNode.putObject("dashboard");
        dashboard.put("display_name", settings.displayName());
        dashboard.put("timezone", "Etc/UTC");
        ObjectNode payments = settingsNode.putObject("payments");
        payments.put("statement_descriptor", settings.displayName().toUpperCase(java.util.Locale.ROOT));
        payments.putNull("statement_descriptor_kana");
        payments.putNull("statement_descriptor_kanji");
        payments.putNull("statement_descriptor_prefix_kana");
        payments.putNull("statement_descriptor_prefix_kanji");
        ObjectNode tos = node.putObject("tos_acceptance");
        tos.put("date", created);
        tos.putNull("ip");
        tos.putNull("user_agent");
        node.put("type", "standard");
        return node;
    }

    /**
     * An object as an older API version renders it, for an event recorded at another version than
     * the pinned one. Fields added since are absent (the fake drops the top-level fields that are
     * null), and a subscription keeps its current period on itself rather than on its items, as
     * before 2025-03-31.basil: so its {@code items} lack fields stripe-java's model expects there.
     */
    static ObjectNode atOtherVersion(ObjectNode object) {
        ObjectNode older = object.deepCopy();
        List<String> nulls = new ArrayList<>();
        older.properties().forEach(field -> {
            if (field.getValue().isNull()) {
                nulls.add(field.getKey());
            }
        });
        older.remove(nulls);
        JsonNode items = older.path("items").path("data");
        if ("subscription".equals(older.path("object").asText()) && items.isArray()) {
            for (JsonNode item : items) {
                if (item instanceof ObjectNode itemNode) {
                    JsonNode start = itemNode.remove("current_period_start");
                    JsonNode end = itemNode.remove("current_period_end");
                    if (!older.has("current_period_start") && start != null) {
                        older.set("current_period_start", start);
                        older.set("current_period_end", end);
                    }
                }
            }
        }
        return older;
    }

    private static ObjectNode requirements() {
        ObjectNode node = Json.object();
        node.putArray("alternatives");
        node.putNull("current_deadline");
        node.putArray("currently_due");
        node.putNull("disabled_reason");
        node.putArray("errors");
        node.putArray("eventually_due");
        node.putArray("past_due");
        node.putArray("pending_verification");
        return node;
    }

    /**
     * An event. {@code previousAttributes} is only sent on {@code *.updated} events; it holds the
     * old values of the top-level fields that changed.
     */
    static ObjectNode event(String id, String type, JsonNode object, ObjectNode previousAttributes, long created,
            boolean livemode) {
        return event(id, type, object, previousAttributes, created, livemode, API_VERSION);
    }

    /** An event rendered at {@code apiVersion}; the caller shapes {@code object} for that version. */
    static ObjectNode event(String id, String type, JsonNode object, ObjectNode previousAttributes, long created,
            boolean livemode, String apiVersion) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "event");
        node.put("api_version", apiVersion);
        node.put("created", created);
        ObjectNode data = node.putObject("data");
        data.set("object", object);
        if (previousAttributes != null) {
            data.set("previous_attributes", previousAttributes);
        }
        node.put("livemode", livemode);
        node.put("pending_webhooks", 0);
        ObjectNode request = node.putObject("request");
        request.putNull("id");
        request.putNull("idempotency_key");
        node.put("type", type);
        return node;
    }
}
