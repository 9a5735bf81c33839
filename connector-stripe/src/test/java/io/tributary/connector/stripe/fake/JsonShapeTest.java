package io.tributary.connector.stripe.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.model.Account;
import com.stripe.model.Balance;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.BankAccount;
import com.stripe.model.Charge;
import com.stripe.model.Coupon;
import com.stripe.model.CreditNote;
import com.stripe.model.Customer;
import com.stripe.model.CustomerBalanceTransaction;
import com.stripe.model.Discount;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.LineItem;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Payout;
import com.stripe.model.Plan;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.PromotionCode;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.Transfer;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every object the fake serves has the shape of stripe-java's model for API 2026-07-29.dahlia:
 * no field the model lacks, every model field present except those Stripe only sends on request,
 * and Gson reads it into the model class without error.
 */
class JsonShapeTest {

    static final Map<StripeObjectType, Class<? extends StripeObject>> MODELS = Map.ofEntries(
            Map.entry(StripeObjectType.CUSTOMER, Customer.class),
            Map.entry(StripeObjectType.PRODUCT, Product.class),
            Map.entry(StripeObjectType.PRICE, Price.class),
            Map.entry(StripeObjectType.PLAN, Plan.class),
            Map.entry(StripeObjectType.COUPON, Coupon.class),
            Map.entry(StripeObjectType.PROMOTION_CODE, PromotionCode.class),
            Map.entry(StripeObjectType.DISCOUNT, Discount.class),
            Map.entry(StripeObjectType.SUBSCRIPTION, Subscription.class),
            Map.entry(StripeObjectType.SUBSCRIPTION_ITEM, SubscriptionItem.class),
            Map.entry(StripeObjectType.INVOICE, Invoice.class),
            Map.entry(StripeObjectType.INVOICE_LINE_ITEM, InvoiceLineItem.class),
            Map.entry(StripeObjectType.INVOICE_ITEM, InvoiceItem.class),
            Map.entry(StripeObjectType.CREDIT_NOTE, CreditNote.class),
            Map.entry(StripeObjectType.CHARGE, Charge.class),
            Map.entry(StripeObjectType.REFUND, Refund.class),
            Map.entry(StripeObjectType.PAYMENT_INTENT, PaymentIntent.class),
            Map.entry(StripeObjectType.DISPUTE, Dispute.class),
            Map.entry(StripeObjectType.CHECKOUT_SESSION, Session.class),
            Map.entry(StripeObjectType.CHECKOUT_LINE_ITEM, LineItem.class),
            Map.entry(StripeObjectType.BALANCE_TRANSACTION, BalanceTransaction.class),
            Map.entry(StripeObjectType.PAYOUT, Payout.class),
            Map.entry(StripeObjectType.TRANSFER, Transfer.class),
            Map.entry(StripeObjectType.BANK_ACCOUNT, BankAccount.class),
            Map.entry(StripeObjectType.CUSTOMER_BALANCE_TRANSACTION, CustomerBalanceTransaction.class),
            Map.entry(StripeObjectType.EVENT, Event.class));

    /**
     * Model fields the fake leaves out, as Stripe does: includable fields (sent only when
     * expanded), {@code deleted} (only on deleted objects) and fields that only exist in other
     * contexts (Connect, Issuing, failed refunds).
     */
    static final Map<Class<?>, Set<String>> OMITTED = Map.ofEntries(
            Map.entry(Customer.class, Set.of("cash_balance", "deleted", "invoice_credit_balance", "sources", "subscriptions",
                    "tax", "tax_ids")),
            Map.entry(Charge.class, Set.of("authorization_code", "level3", "refunds", "transfer")),
            Map.entry(Session.class, Set.of("line_items")),
            Map.entry(Invoice.class, Set.of("confirmation_secret", "deleted", "payments")),
            Map.entry(Price.class, Set.of("currency_options", "deleted", "tiers")),
            Map.entry(Plan.class, Set.of("deleted", "tiers")),
            Map.entry(Product.class, Set.of("deleted")),
            Map.entry(Coupon.class, Set.of("applies_to", "currency_options", "deleted")),
            Map.entry(Discount.class, Set.of("deleted")),
            Map.entry(SubscriptionItem.class, Set.of("deleted")),
            Map.entry(InvoiceItem.class, Set.of("deleted")),
            Map.entry(BankAccount.class, Set.of("deleted")),
            Map.entry(LineItem.class, Set.of("discounts", "taxes")),
            Map.entry(Refund.class, Set.of("failure_balance_transaction", "failure_reason", "instructions_email",
                    "next_action", "pending_reason")),
            Map.entry(Event.class, Set.of("account", "context")),
            Map.entry(Balance.class, Set.of("connect_reserved", "instant_available", "issuing", "refund_and_dispute_prefunding")),
            Map.entry(Account.class, Set.of("company", "deleted", "individual")));

    private static FakeStripeAccount account;

    @BeforeAll
    static void generate() {
        account = FakeStripeAccount.generate(42, AccountSize.small());
        // Events of every kind the model can hold: created, updated (with previous attributes), deleted.
        ObjectNode subscription = account.objects("subscription").get(0);
        account.update("subscription", subscription.get("id").asText(), Json.object().put("description", "changed"));
        account.delete("customer", account.objects("customer").get(0).get("id").asText());
    }

    @Test
    void everyStoredTypeMatchesItsModel() {
        Set<String> problems = new java.util.TreeSet<>();
        for (StripeObjectType type : StripeObjectType.values()) {
            List<ObjectNode> objects = account.objects(type);
            assertThat(objects).as("generated %s objects", type.objectName()).isNotEmpty();
            for (ObjectNode object : objects) {
                problems.addAll(problems(object, MODELS.get(type)));
            }
        }
        problems.addAll(problems(account.balance(), Balance.class));
        problems.addAll(problems(account.account(), Account.class));
        assertThat(problems).isEmpty();
    }

    @Test
    void eventPayloadsMatchTheirObjectsModels() {
        Set<String> problems = new java.util.TreeSet<>();
        for (ObjectNode event : account.objects(StripeObjectType.EVENT)) {
            JsonNode object = event.get("data").get("object");
            StripeObjectType type = StripeObjectType.ofObjectName(object.get("object").asText()).orElseThrow();
            problems.addAll(StripeModelShapes.unknownFields(object, MODELS.get(type)));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theShapeCheckerCatchesAFieldTheModelLacks() {
        ObjectNode customer = account.objects("customer").get(0);
        customer.put("no_such_field", 1);
        ((ObjectNode) customer.get("invoice_settings")).put("nested_unknown", true);
        customer.remove("email");
        assertThat(StripeModelShapes.unknownFields(customer, Customer.class))
                .containsExactlyInAnyOrder("Customer.no_such_field", "Customer.invoice_settings.nested_unknown");
        assertThat(StripeModelShapes.missingFields(customer, Customer.class)).contains("email");
    }

    static List<String> problems(ObjectNode json, Class<? extends StripeObject> model) {
        List<String> problems = new ArrayList<>(StripeModelShapes.unknownFields(json, model));
        Set<String> missing = StripeModelShapes.missingFields(json, model);
        missing.removeAll(OMITTED.getOrDefault(model, Set.of()));
        if (json.path("deleted").asBoolean()) {
            missing.clear();
        }
        missing.forEach(field -> problems.add(model.getSimpleName() + " lacks " + field));
        try {
            ApiResource.GSON.fromJson(Json.write(json), model);
        } catch (RuntimeException e) {
            problems.add(model.getSimpleName() + " does not parse: " + e.getMessage());
        }
        return problems;
    }
}
