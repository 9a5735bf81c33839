package io.tributary.connector.stripe.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
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
import com.stripe.model.StripeCollection;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.Transfer;
import com.stripe.model.checkout.Session;
import com.stripe.param.ChargeListParams;
import com.stripe.param.EventListParams;
import com.stripe.param.SubscriptionItemListParams;
import com.stripe.param.SubscriptionListParams;
import io.tributary.connector.stripe.fake.FakeStripeAccount.LineSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * stripe-java 33.3.0, pointed at the fake with {@code setApiBase}, reads every object type the
 * fake serves with the values placed: a test of both the fake's JSON and its HTTP surface.
 */
class StripeJavaReadsTheFakeTest {

    private static final long T = 1_760_000_000L;

    private static FakeStripe fake;
    private static StripeClient stripe;
    private static FakeStripeAccount account;
    private static String customer;
    private static String product;
    private static String monthly;
    private static String metered;
    private static String legacyPlan;
    private static String oneTime;
    private static String percentCoupon;
    private static String amountCoupon;
    private static String promotion;
    private static String subscription;
    private static String trialing;
    private static String charge;
    private static String refund;
    private static String dispute;
    private static String intent;
    private static String invoiceItem;
    private static String creditNote;
    private static String session;
    private static String transaction;
    private static String payout;
    private static String transfer;
    private static String customerBank;
    private static String balanceChange;

    @BeforeAll
    static void place() {
        account = FakeStripeAccount.create();
        customer = account.customer("ada@example.com", "Ada Lovelace", T);
        product = account.product("Pro plan");
        monthly = account.price(product, 1_500, "usd", "month", 1, "licensed");
        metered = account.price(product, 7, "usd", "month", 1, "metered");
        legacyPlan = account.plan(product, 2_000, "eur", "month", 3, "licensed");
        oneTime = account.oneTimePrice(product, 5_000, "usd");
        percentCoupon = account.percentOffCoupon(25, "forever");
        amountCoupon = account.amountOffCoupon(500, "usd", "once");
        promotion = account.promotionCode(percentCoupon, "SPRING25");
        subscription = account.subscription(SubscriptionSpec.of(customer, "active",
                        SubscriptionSpec.Item.price(monthly, 3).withCoupon(amountCoupon), SubscriptionSpec.Item.metered(metered))
                .withCoupon(percentCoupon).withCreated(T));
        trialing = account.subscription(SubscriptionSpec.of(customer, "trialing", SubscriptionSpec.Item.plan(legacyPlan, 2)));
        charge = account.charge(customer, 2_000, "usd", "succeeded", "billing@example.com", "receipt@example.com", T + 10);
        refund = account.refund(charge, 500, T + 20);
        dispute = account.dispute(charge, 1_500, "fraudulent", "needs_response", T + 30);
        intent = account.paymentIntent(customer, 4_200, "eur", "succeeded", T + 40);
        invoiceItem = account.invoiceItem(customer, oneTime, 2, null, T + 50);
        String latestInvoice = account.object("subscription", subscription).orElseThrow().get("latest_invoice").asText();
        creditNote = account.creditNote(latestInvoice, 300, "duplicate", T + 60);
        session = account.checkoutSession(customer, "payment", "complete", List.of(LineSpec.of(oneTime, 2)), T + 70);
        account.balance(Map.of("usd", 12_345L, "eur", 600L), Map.of("usd", 55L));
        transaction = account.balanceTransaction("adjustment", -1_000, 0, -1_000, "usd", T + 80);
        payout = account.payout(9_000, "usd", "paid", T + 2 * 86_400, T + 90);
        transfer = account.transfer(700, "usd", "acct_1Connected0000001", T + 100);
        customerBank = account.bankAccount(customer, "STRIPE TEST BANK", "6789", "usd");
        balanceChange = account.customerBalanceTransaction(customer, -250, "usd", "adjustment", T + 110);
        account.update("customer", customer, Json.object().put("name", "Ada King"));

        fake = FakeStripe.start(account);
        stripe = FakeStripeClients.client(fake, fake.addKey(KeyAccess.allReads()));
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void customersProductsPricesAndPlans() throws StripeException {
        Customer read = stripe.v1().customers().retrieve(customer);
        assertThat(read.getEmail()).isEqualTo("ada@example.com");
        assertThat(read.getName()).isEqualTo("Ada King");
        assertThat(read.getCreated()).isEqualTo(T);
        assertThat(read.getBalance()).isEqualTo(-250L);
        assertThat(read.getLivemode()).isFalse();

        Product readProduct = stripe.v1().products().retrieve(product);
        assertThat(readProduct.getName()).isEqualTo("Pro plan");
        assertThat(readProduct.getActive()).isTrue();

        Price price = stripe.v1().prices().retrieve(monthly);
        assertThat(price.getUnitAmount()).isEqualTo(1_500L);
        assertThat(price.getCurrency()).isEqualTo("usd");
        assertThat(price.getType()).isEqualTo("recurring");
        assertThat(price.getRecurring().getInterval()).isEqualTo("month");
        assertThat(price.getRecurring().getIntervalCount()).isEqualTo(1L);
        assertThat(price.getRecurring().getUsageType()).isEqualTo("licensed");
        assertThat(price.getProduct()).isEqualTo(product);

        Price meteredPrice = stripe.v1().prices().retrieve(metered);
        assertThat(meteredPrice.getRecurring().getUsageType()).isEqualTo("metered");
        assertThat(meteredPrice.getRecurring().getMeter()).startsWith("mtr_");
        assertThat(stripe.v1().prices().retrieve(oneTime).getRecurring()).isNull();
        assertThat(stripe.v1().prices().retrieve(oneTime).getType()).isEqualTo("one_time");

        Plan plan = stripe.v1().plans().retrieve(legacyPlan);
        assertThat(plan.getAmount()).isEqualTo(2_000L);
        assertThat(plan.getCurrency()).isEqualTo("eur");
        assertThat(plan.getInterval()).isEqualTo("month");
        assertThat(plan.getIntervalCount()).isEqualTo(3L);
    }

    @Test
    void couponsAndPromotionCodes() throws StripeException {
        Coupon percent = stripe.v1().coupons().retrieve(percentCoupon);
        assertThat(percent.getPercentOff()).isEqualByComparingTo(new BigDecimal("25"));
        assertThat(percent.getAmountOff()).isNull();
        assertThat(percent.getDuration()).isEqualTo("forever");
        Coupon amount = stripe.v1().coupons().retrieve(amountCoupon);
        assertThat(amount.getAmountOff()).isEqualTo(500L);
        assertThat(amount.getCurrency()).isEqualTo("usd");

        PromotionCode code = stripe.v1().promotionCodes().retrieve(promotion);
        assertThat(code.getCode()).isEqualTo("SPRING25");
        assertThat(code.getPromotion().getCoupon()).isEqualTo(percentCoupon);
    }

    @Test
    void subscriptionsWithItemsPricesMeteredItemsAndDiscounts() throws StripeException {
        Subscription read = stripe.v1().subscriptions().retrieve(subscription,
                com.stripe.param.SubscriptionRetrieveParams.builder().addExpand("discounts").addExpand("customer")
                        .addExpand("latest_invoice").build());
        assertThat(read.getStatus()).isEqualTo("active");
        assertThat(read.getCurrency()).isEqualTo("usd");
        assertThat(read.getCreated()).isEqualTo(T);
        assertThat(read.getCustomerObject().getEmail()).isEqualTo("ada@example.com");
        assertThat(read.getLatestInvoiceObject().getParent().getSubscriptionDetails().getSubscription()).isEqualTo(subscription);

        List<SubscriptionItem> items = read.getItems().getData();
        assertThat(items).hasSize(2);
        SubscriptionItem licensed = items.get(0);
        assertThat(licensed.getQuantity()).isEqualTo(3L);
        assertThat(licensed.getPrice().getId()).isEqualTo(monthly);
        assertThat(licensed.getPrice().getUnitAmount()).isEqualTo(1_500L);
        assertThat(licensed.getPlan().getAmount()).isEqualTo(1_500L);
        assertThat(licensed.getCurrentPeriodStart()).isLessThan(licensed.getCurrentPeriodEnd());
        assertThat(licensed.getCurrentPeriodEnd()).isGreaterThan(account.now());
        assertThat(licensed.getDiscounts()).hasSize(1);
        SubscriptionItem meteredItem = items.get(1);
        assertThat(meteredItem.getQuantity()).isNull();
        assertThat(meteredItem.getPrice().getRecurring().getUsageType()).isEqualTo("metered");

        Discount discount = read.getDiscountObjects().get(0);
        assertThat(discount.getSource().getType()).isEqualTo("coupon");
        assertThat(discount.getSource().getCoupon()).isEqualTo(percentCoupon);
        assertThat(discount.getSubscription()).isEqualTo(subscription);

        // An item-level discount's coupon, and the coupon behind it, through expansion.
        Discount itemDiscount = stripe.v1().subscriptionItems().retrieve(licensed.getId(),
                com.stripe.param.SubscriptionItemRetrieveParams.builder().addExpand("discounts.source.coupon").build())
                .getDiscountObjects().get(0);
        assertThat(itemDiscount.getSubscriptionItem()).isEqualTo(licensed.getId());
        assertThat(itemDiscount.getSource().getCouponObject().getAmountOff()).isEqualTo(500L);

        Subscription legacy = stripe.v1().subscriptions().retrieve(trialing);
        assertThat(legacy.getStatus()).isEqualTo("trialing");
        assertThat(legacy.getTrialEnd()).isGreaterThan(account.now());
        SubscriptionItem planItem = legacy.getItems().getData().get(0);
        assertThat(planItem.getPlan().getId()).isEqualTo(legacyPlan);
        assertThat(planItem.getPlan().getIntervalCount()).isEqualTo(3L);
        assertThat(planItem.getPrice().getRecurring().getInterval()).isEqualTo("month");
        assertThat(planItem.getQuantity()).isEqualTo(2L);

        StripeCollection<SubscriptionItem> listed = stripe.v1().subscriptionItems()
                .list(SubscriptionItemListParams.builder().setSubscription(subscription).build());
        assertThat(listed.getData()).extracting(SubscriptionItem::getId).containsExactly(licensed.getId(), meteredItem.getId());
    }

    @Test
    void subscriptionListsExpandCustomersAndItemPrices() throws StripeException {
        StripeCollection<Subscription> page = stripe.v1().subscriptions().list(SubscriptionListParams.builder()
                .setStatus(SubscriptionListParams.Status.ALL).addExpand("data.customer")
                .addExpand("data.items.data.price").addExpand("data.discounts").build());
        assertThat(page.getData()).extracting(Subscription::getId).containsExactlyInAnyOrder(subscription, trialing);
        for (Subscription read : page.getData()) {
            assertThat(read.getCustomerObject().getId()).isEqualTo(customer);
            assertThat(read.getItems().getData().get(0).getPrice().getProduct()).isEqualTo(product);
        }
        Subscription withDiscount = page.getData().stream().filter(s -> s.getId().equals(subscription)).findFirst().orElseThrow();
        assertThat(withDiscount.getDiscountObjects().get(0).getSource().getCoupon()).isEqualTo(percentCoupon);
        // Four levels is Stripe's limit: on one subscription the product is within reach.
        Subscription one = stripe.v1().subscriptions().retrieve(subscription, com.stripe.param.SubscriptionRetrieveParams
                .builder().addExpand("items.data.price.product").build());
        assertThat(one.getItems().getData().get(0).getPrice().getProductObject().getName()).isEqualTo("Pro plan");
    }

    @Test
    void invoicesLinesItemsAndCreditNotes() throws StripeException {
        String invoiceId = stripe.v1().subscriptions().retrieve(subscription).getLatestInvoice();
        Invoice invoice = stripe.v1().invoices().retrieve(invoiceId);
        assertThat(invoice.getStatus()).isEqualTo("paid");
        assertThat(invoice.getSubtotal()).isEqualTo(4_500L);
        assertThat(invoice.getTotal()).isEqualTo(3_375L);
        assertThat(invoice.getTotalDiscountAmounts().get(0).getAmount()).isEqualTo(1_125L);
        assertThat(invoice.getCustomerEmail()).isEqualTo("ada@example.com");
        assertThat(invoice.getLines().getData()).hasSize(2);

        StripeCollection<InvoiceLineItem> lines = stripe.v1().invoices().lineItems().list(invoiceId);
        InvoiceLineItem first = lines.getData().get(0);
        assertThat(first.getPricing().getPriceDetails().getPrice()).isEqualTo(monthly);
        assertThat(first.getQuantity()).isEqualTo(3L);
        assertThat(first.getAmount()).isEqualTo(4_500L);
        assertThat(first.getParent().getSubscriptionItemDetails().getSubscription()).isEqualTo(subscription);

        InvoiceItem item = stripe.v1().invoiceItems().retrieve(invoiceItem);
        assertThat(item.getAmount()).isEqualTo(10_000L);
        assertThat(item.getQuantity()).isEqualTo(2L);
        assertThat(item.getPricing().getPriceDetails().getPrice()).isEqualTo(oneTime);
        assertThat(item.getInvoice()).isNull();

        CreditNote note = stripe.v1().creditNotes().retrieve(creditNote);
        assertThat(note.getAmount()).isEqualTo(300L);
        assertThat(note.getReason()).isEqualTo("duplicate");
        assertThat(note.getInvoice()).isEqualTo(invoiceId);
        assertThat(note.getLines().getData().get(0).getAmount()).isEqualTo(300L);
    }

    @Test
    void chargesRefundsDisputesAndPaymentIntents() throws StripeException {
        Charge read = stripe.v1().charges().retrieve(charge);
        assertThat(read.getAmount()).isEqualTo(2_000L);
        assertThat(read.getCurrency()).isEqualTo("usd");
        assertThat(read.getStatus()).isEqualTo("succeeded");
        assertThat(read.getBillingDetails().getEmail()).isEqualTo("billing@example.com");
        assertThat(read.getReceiptEmail()).isEqualTo("receipt@example.com");
        assertThat(read.getCreated()).isEqualTo(T + 10);
        assertThat(read.getAmountRefunded()).isEqualTo(500L);
        assertThat(read.getDisputed()).isTrue();
        assertThat(read.getPaymentMethodDetails().getCard().getLast4()).isEqualTo("4242");

        Charge expanded = stripe.v1().charges().list(ChargeListParams.builder().setCustomer(customer)
                .addExpand("data.customer").addExpand("data.balance_transaction").build()).getData().stream()
                .filter(c -> c.getId().equals(charge)).findFirst().orElseThrow();
        assertThat(expanded.getCustomerObject().getEmail()).isEqualTo("ada@example.com");
        assertThat(expanded.getBalanceTransactionObject().getFee()).isEqualTo(88L);
        assertThat(expanded.getBalanceTransactionObject().getNet()).isEqualTo(1_912L);

        Refund readRefund = stripe.v1().refunds().retrieve(refund);
        assertThat(readRefund.getAmount()).isEqualTo(500L);
        assertThat(readRefund.getCharge()).isEqualTo(charge);
        Dispute readDispute = stripe.v1().disputes().retrieve(dispute);
        assertThat(readDispute.getAmount()).isEqualTo(1_500L);
        assertThat(readDispute.getReason()).isEqualTo("fraudulent");
        assertThat(readDispute.getStatus()).isEqualTo("needs_response");

        PaymentIntent readIntent = stripe.v1().paymentIntents().retrieve(intent);
        assertThat(readIntent.getAmount()).isEqualTo(4_200L);
        assertThat(readIntent.getAmountReceived()).isEqualTo(4_200L);
        assertThat(readIntent.getStatus()).isEqualTo("succeeded");
        assertThat(stripe.v1().charges().retrieve(readIntent.getLatestCharge()).getPaymentIntent()).isEqualTo(intent);
    }

    @Test
    void checkoutSessionsAndTheirLineItems() throws StripeException {
        Session read = stripe.v1().checkout().sessions().retrieve(session);
        assertThat(read.getStatus()).isEqualTo("complete");
        assertThat(read.getMode()).isEqualTo("payment");
        assertThat(read.getAmountTotal()).isEqualTo(10_000L);
        assertThat(read.getCustomerDetails().getEmail()).isEqualTo("ada@example.com");
        assertThat(read.getLineItems()).isNull();

        StripeCollection<LineItem> lines = stripe.v1().checkout().sessions().lineItems().list(session);
        assertThat(lines.getData()).hasSize(1);
        assertThat(lines.getData().get(0).getQuantity()).isEqualTo(2L);
        assertThat(lines.getData().get(0).getPrice().getId()).isEqualTo(oneTime);
        assertThat(lines.getData().get(0).getAmountTotal()).isEqualTo(10_000L);

        Session withLines = stripe.v1().checkout().sessions().retrieve(session,
                com.stripe.param.checkout.SessionRetrieveParams.builder().addExpand("line_items").build());
        assertThat(withLines.getLineItems().getData()).hasSize(1);
    }

    @Test
    void balanceTransactionsPayoutsTransfersAndBankAccounts() throws StripeException {
        Balance balance = stripe.v1().balance().retrieve();
        assertThat(balance.getAvailable()).extracting(Balance.Available::getCurrency).containsExactly("eur", "usd");
        assertThat(balance.getAvailable().get(1).getAmount()).isEqualTo(12_345L);
        assertThat(balance.getPending().get(0).getAmount()).isEqualTo(55L);

        BalanceTransaction adjustment = stripe.v1().balanceTransactions().retrieve(transaction);
        assertThat(adjustment.getType()).isEqualTo("adjustment");
        assertThat(adjustment.getAmount()).isEqualTo(-1_000L);
        assertThat(adjustment.getNet()).isEqualTo(-1_000L);
        assertThat(adjustment.getCreated()).isEqualTo(T + 80);

        Payout readPayout = stripe.v1().payouts().retrieve(payout);
        assertThat(readPayout.getAmount()).isEqualTo(9_000L);
        assertThat(readPayout.getStatus()).isEqualTo("paid");
        BankAccount destination = (BankAccount) stripe.v1().accounts().externalAccounts()
                .retrieve(account.id(), readPayout.getDestination());
        assertThat(destination.getLast4()).isEqualTo("6789");
        assertThat(stripe.v1().accounts().externalAccounts().list(account.id()).getData()).hasSize(1);

        Transfer readTransfer = stripe.v1().transfers().retrieve(transfer);
        assertThat(readTransfer.getAmount()).isEqualTo(700L);
        assertThat(readTransfer.getDestination()).isEqualTo("acct_1Connected0000001");

        BankAccount source = (BankAccount) stripe.v1().customers().paymentSources().retrieve(customer, customerBank);
        assertThat(source.getCustomer()).isEqualTo(customer);
        assertThat(source.getBankName()).isEqualTo("STRIPE TEST BANK");

        CustomerBalanceTransaction change = stripe.v1().customers().balanceTransactions().retrieve(customer, balanceChange);
        assertThat(change.getAmount()).isEqualTo(-250L);
        assertThat(change.getEndingBalance()).isEqualTo(-250L);
    }

    @Test
    void theAccountAndEvents() throws StripeException {
        Account read = stripe.v1().accounts().retrieveCurrent();
        assertThat(read.getId()).isEqualTo(account.id());
        assertThat(read.getSettings().getDashboard().getDisplayName()).isEqualTo(account.displayName());
        assertThat(read.getDefaultCurrency()).isEqualTo("usd");

        StripeCollection<Event> events = stripe.v1().events().list(EventListParams.builder().setType("customer.updated").build());
        assertThat(events.getData()).hasSize(1);
        Event event = events.getData().get(0);
        assertThat(event.getApiVersion()).isEqualTo(com.stripe.Stripe.API_VERSION);
        Customer updated = (Customer) event.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(updated.getName()).isEqualTo("Ada King");
        assertThat(event.getData().getPreviousAttributes()).containsEntry("name", "Ada Lovelace");
    }
}
