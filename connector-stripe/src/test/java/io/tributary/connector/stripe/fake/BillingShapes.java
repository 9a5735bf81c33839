package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON shapes (API 2026-07-29.dahlia) of products, prices, plans, coupons, promotion codes,
 * discounts, subscriptions and their items. Every field stripe-java's model declares is present,
 * null where Stripe sends null, except fields Stripe only includes on request.
 */
final class BillingShapes {

    private BillingShapes() {
    }

    static ObjectNode product(String id, String name, boolean active, long created, boolean livemode) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "product");
        node.put("active", active);
        node.put("created", created);
        node.putNull("default_price");
        node.putNull("description");
        node.putArray("images");
        node.put("livemode", livemode);
        node.putArray("marketing_features");
        node.set("metadata", Json.metadata());
        node.put("name", name);
        node.putNull("package_dimensions");
        node.putNull("shippable");
        node.putNull("statement_descriptor");
        node.putNull("tax_code");
        node.put("type", "service");
        node.putNull("unit_label");
        node.put("updated", created);
        node.putNull("url");
        return node;
    }

    /**
     * A price; {@code recurring} null makes a one-time price. Metered prices carry a meter id, as
     * API versions from 2025-03-31.basil require.
     */
    static ObjectNode price(String id, String product, long unitAmount, String currency, Recurring recurring,
            boolean active, long created, boolean livemode) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "price");
        node.put("active", active);
        node.put("billing_scheme", "per_unit");
        node.put("created", created);
        node.put("currency", currency);
        node.putNull("custom_unit_amount");
        node.put("livemode", livemode);
        node.putNull("lookup_key");
        node.set("metadata", Json.metadata());
        node.putNull("nickname");
        node.put("product", product);
        if (recurring == null) {
            node.putNull("recurring");
        } else {
            ObjectNode rec = node.putObject("recurring");
            rec.put("interval", recurring.interval());
            rec.put("interval_count", recurring.intervalCount());
            rec.put("meter", recurring.meter());
            rec.putNull("trial_period_days");
            rec.put("usage_type", recurring.usageType());
        }
        node.put("tax_behavior", "unspecified");
        node.putNull("tiers_mode");
        node.putNull("transform_quantity");
        node.put("type", recurring == null ? "one_time" : "recurring");
        node.put("unit_amount", unitAmount);
        node.put("unit_amount_decimal", Long.toString(unitAmount));
        return node;
    }

    /** A legacy plan (created with the Plans API). */
    static ObjectNode plan(String id, String product, long amount, String currency, Recurring recurring,
            boolean active, long created, boolean livemode) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "plan");
        node.put("active", active);
        node.put("amount", amount);
        node.put("amount_decimal", Long.toString(amount));
        node.put("billing_scheme", "per_unit");
        node.put("created", created);
        node.put("currency", currency);
        node.put("interval", recurring.interval());
        node.put("interval_count", recurring.intervalCount());
        node.put("livemode", livemode);
        node.set("metadata", Json.metadata());
        node.put("meter", recurring.meter());
        node.putNull("nickname");
        node.put("product", product);
        node.putNull("tiers_mode");
        node.putNull("transform_usage");
        node.putNull("trial_period_days");
        node.put("usage_type", recurring.usageType());
        return node;
    }

    /** The plan view of a recurring price: Stripe fills both {@code plan} and {@code price} on items. */
    static ObjectNode planFromPrice(ObjectNode price) {
        ObjectNode recurring = (ObjectNode) price.get("recurring");
        ObjectNode plan = plan(price.get("id").asText(), price.get("product").asText(), price.get("unit_amount").asLong(),
                price.get("currency").asText(), Recurring.of(recurring), price.get("active").asBoolean(),
                price.get("created").asLong(), price.get("livemode").asBoolean());
        plan.set("metadata", price.get("metadata").deepCopy());
        plan.set("nickname", price.get("nickname"));
        return plan;
    }

    /** The price view of a legacy plan. */
    static ObjectNode priceFromPlan(ObjectNode plan) {
        Recurring recurring = new Recurring(plan.get("interval").asText(), plan.get("interval_count").asInt(),
                plan.get("usage_type").asText(), plan.get("meter").isNull() ? null : plan.get("meter").asText());
        ObjectNode price = price(plan.get("id").asText(), plan.get("product").asText(), plan.get("amount").asLong(),
                plan.get("currency").asText(), recurring, plan.get("active").asBoolean(), plan.get("created").asLong(),
                plan.get("livemode").asBoolean());
        price.set("metadata", plan.get("metadata").deepCopy());
        price.set("nickname", plan.get("nickname"));
        return price;
    }

    /** A coupon: exactly one of {@code percentOff} and {@code amountOff} (with a currency). */
    static ObjectNode coupon(String id, BigDecimal percentOff, Long amountOff, String currency, String duration,
            Long durationInMonths, String name, long created, boolean livemode) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "coupon");
        node.put("amount_off", amountOff);
        node.put("created", created);
        node.put("currency", currency);
        node.put("duration", duration);
        node.put("duration_in_months", durationInMonths);
        node.put("livemode", livemode);
        node.putNull("max_redemptions");
        node.set("metadata", Json.metadata());
        node.put("name", name);
        node.put("percent_off", percentOff);
        node.putNull("redeem_by");
        node.put("times_redeemed", 0);
        node.put("valid", true);
        return node;
    }

    /** A promotion code; from API 2025-09-30.clover its coupon sits under {@code promotion}. */
    static ObjectNode promotionCode(String id, String coupon, String code, boolean active, long created, boolean livemode) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "promotion_code");
        node.put("active", active);
        node.put("code", code);
        node.put("created", created);
        node.putNull("customer");
        node.putNull("customer_account");
        node.putNull("expires_at");
        node.put("livemode", livemode);
        node.putNull("max_redemptions");
        node.set("metadata", Json.metadata());
        ObjectNode promotion = node.putObject("promotion");
        promotion.put("coupon", coupon);
        promotion.put("type", "coupon");
        ObjectNode restrictions = node.putObject("restrictions");
        restrictions.put("first_time_transaction", false);
        restrictions.putNull("minimum_amount");
        restrictions.putNull("minimum_amount_currency");
        node.put("times_redeemed", 0);
        return node;
    }

    /** A discount; from API 2025-09-30.clover its coupon sits under {@code source.coupon}. */
    static ObjectNode discount(String id, String coupon, String customer, String subscription, String subscriptionItem,
            String promotionCode, long start, Long end) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "discount");
        node.putNull("checkout_session");
        node.put("customer", customer);
        node.putNull("customer_account");
        node.put("end", end);
        node.putNull("invoice");
        node.putNull("invoice_item");
        node.put("promotion_code", promotionCode);
        ObjectNode source = node.putObject("source");
        source.put("coupon", coupon);
        source.put("type", "coupon");
        node.put("start", start);
        node.put("subscription", subscription);
        node.put("subscription_item", subscriptionItem);
        return node;
    }

    /**
     * A subscription as stored: {@code items} is filled in when it is rendered, from its stored
     * subscription items. From API 2025-03-31.basil the current period lives on the items.
     */
    static ObjectNode subscription(String id, SubscriptionFields fields, boolean livemode) {
        ObjectNode node = Json.object(64);
        node.put("id", id);
        node.put("object", "subscription");
        node.putNull("application");
        node.putNull("application_fee_percent");
        ObjectNode automaticTax = node.putObject("automatic_tax");
        automaticTax.putNull("disabled_reason");
        automaticTax.put("enabled", false);
        automaticTax.putNull("liability");
        node.put("billing_cycle_anchor", fields.billingCycleAnchor());
        node.putNull("billing_cycle_anchor_config");
        ObjectNode billingMode = node.putObject("billing_mode");
        billingMode.putNull("flexible");
        billingMode.put("type", "classic");
        node.putArray("billing_schedules");
        node.putNull("billing_thresholds");
        node.put("cancel_at", fields.cancelAt());
        node.put("cancel_at_period_end", fields.cancelAtPeriodEnd());
        node.put("canceled_at", fields.canceledAt());
        ObjectNode cancellation = node.putObject("cancellation_details");
        cancellation.putNull("comment");
        cancellation.putNull("feedback");
        cancellation.put("reason", fields.canceledAt() == null ? null : "cancellation_requested");
        node.put("collection_method", "charge_automatically");
        node.put("created", fields.created());
        node.put("currency", fields.currency());
        node.put("customer", fields.customer());
        node.putNull("customer_account");
        node.putNull("days_until_due");
        node.putNull("default_payment_method");
        node.putNull("default_source");
        node.putArray("default_tax_rates");
        node.putNull("description");
        node.set("discounts", Json.strings(fields.discounts()));
        node.put("ended_at", fields.endedAt());
        ObjectNode invoiceSettings = node.putObject("invoice_settings");
        invoiceSettings.putNull("account_tax_ids");
        invoiceSettings.putObject("issuer").put("type", "self");
        node.putNull("items");
        node.put("latest_invoice", fields.latestInvoice());
        node.put("livemode", livemode);
        node.putNull("managed_payments");
        node.set("metadata", Json.metadata());
        node.putNull("next_pending_invoice_item_invoice");
        node.putNull("on_behalf_of");
        node.putNull("pause_collection");
        ObjectNode paymentSettings = node.putObject("payment_settings");
        paymentSettings.putNull("payment_method_options");
        paymentSettings.putNull("payment_method_types");
        paymentSettings.put("save_default_payment_method", "off");
        node.putNull("pending_invoice_item_interval");
        node.putNull("pending_setup_intent");
        node.putNull("pending_update");
        node.putNull("presentment_details");
        node.putNull("schedule");
        node.put("start_date", fields.startDate());
        node.put("status", fields.status());
        node.putNull("test_clock");
        node.putNull("transfer_data");
        node.put("trial_end", fields.trialEnd());
        node.putObject("trial_settings").putObject("end_behavior").put("missing_payment_method",
                "paused".equals(fields.status()) ? "pause" : "create_invoice");
        node.put("trial_start", fields.trialStart());
        return node;
    }

    /** A subscription item as stored: {@code price} and {@code plan} hold ids until rendered. */
    static ObjectNode subscriptionItem(String id, String subscription, String priceOrPlan, Long quantity,
            List<String> discounts, long created, long periodStart, long periodEnd) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "subscription_item");
        node.putNull("billed_until");
        node.putNull("billing_thresholds");
        node.put("created", created);
        node.put("current_period_end", periodEnd);
        node.put("current_period_start", periodStart);
        node.set("discounts", Json.strings(discounts));
        node.set("metadata", Json.metadata());
        node.put("plan", priceOrPlan);
        node.put("price", priceOrPlan);
        node.put("quantity", quantity);
        node.put("subscription", subscription);
        node.putArray("tax_rates");
        return node;
    }

    /** The parts of a subscription that vary; the rest of the shape is fixed. */
    record SubscriptionFields(String customer, String status, String currency, long created, long startDate,
            long billingCycleAnchor, Long trialStart, Long trialEnd, Long cancelAt, boolean cancelAtPeriodEnd,
            Long canceledAt, Long endedAt, List<String> discounts, String latestInvoice) {
    }

    /**
     * A recurring interval.
     *
     * @param interval      day, week, month or year
     * @param intervalCount 1 or more
     * @param usageType     licensed or metered
     * @param meter         the billing meter of a metered price ({@code mtr_...}), else null
     */
    record Recurring(String interval, int intervalCount, String usageType, String meter) {
        static Recurring of(ObjectNode recurring) {
            return new Recurring(recurring.get("interval").asText(), recurring.get("interval_count").asInt(),
                    recurring.get("usage_type").asText(),
                    recurring.get("meter").isNull() ? null : recurring.get("meter").asText());
        }
    }
}
