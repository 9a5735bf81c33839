package io.tributary.connector.stripe;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CursorFormat;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.StreamDescriptor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The streams a warehouse user expects from Stripe. Top-level streams read a list endpoint and,
 * where Stripe filters them by creation time, can be read in creation-time windows; child streams
 * (the line items of each checkout session, the balance transactions of each customer, ...) are
 * read parent by parent and always in full.
 *
 * <p>A top-level stream Stripe filters by creation time is incremental: the host reads new objects
 * by creation time, learns of changes to older ones from the change feed (Stripe's events, see
 * {@link StripeChangeFeed}) and re-reads a lookback window as a safety net. The rest are read whole.
 */
enum StripeStream {
    BALANCE_TRANSACTIONS("balance_transactions", "Every movement of funds in the balance.", StripeObject.BALANCE_TRANSACTIONS, null, null, true),
    BANK_ACCOUNTS("bank_accounts", "Customers' bank accounts.", null, StripeObject.CUSTOMERS, "/v1/customers/{parent}/sources?object=bank_account", false),
    CHARGES("charges", "Every charge.", StripeObject.CHARGES, null, null, true),
    CHECKOUT_SESSIONS("checkout_sessions", "Checkout Sessions.", StripeObject.CHECKOUT_SESSIONS, null, null, true),
    CHECKOUT_SESSIONS_LINE_ITEMS("checkout_sessions_line_items", "The line items of each Checkout Session.", null, StripeObject.CHECKOUT_SESSIONS, "/v1/checkout/sessions/{parent}/line_items", false),
    COUPONS("coupons", "Coupons.", StripeObject.COUPONS, null, null, true),
    CREDIT_NOTES("credit_notes", "Credit notes.", StripeObject.CREDIT_NOTES, null, null, false),
    CUSTOMER_BALANCE_TRANSACTIONS("customer_balance_transactions", "Changes to each customer's credit balance.", null, StripeObject.CUSTOMERS, "/v1/customers/{parent}/balance_transactions", false),
    CUSTOMERS("customers", "Customers.", StripeObject.CUSTOMERS, null, null, true),
    DISPUTES("disputes", "Disputes.", StripeObject.DISPUTES, null, null, true),
    EVENTS("events", "Events of the last 30 days (Stripe keeps no older ones).", StripeObject.EVENTS, null, null, true),
    INVOICE_ITEMS("invoice_items", "Invoice items.", StripeObject.INVOICE_ITEMS, null, null, true),
    INVOICE_LINE_ITEMS("invoice_line_items", "The line items of each invoice.", null, StripeObject.INVOICES, "/v1/invoices/{parent}/lines", false),
    INVOICES("invoices", "Invoices.", StripeObject.INVOICES, null, null, true),
    PAYMENT_INTENTS("payment_intents", "PaymentIntents.", StripeObject.PAYMENT_INTENTS, null, null, true),
    PAYOUTS("payouts", "Payouts to the bank.", StripeObject.PAYOUTS, null, null, true),
    PLANS("plans", "Legacy plans.", StripeObject.PLANS, null, null, true),
    PRICES("prices", "Prices.", StripeObject.PRICES, null, null, true),
    PRODUCTS("products", "Products.", StripeObject.PRODUCTS, null, null, true),
    PROMOTION_CODES("promotion_codes", "Promotion codes.", StripeObject.PROMOTION_CODES, null, null, true),
    REFUNDS("refunds", "Refunds.", StripeObject.REFUNDS, null, null, true),
    SUBSCRIPTION_ITEMS("subscription_items", "The items of each subscription.", null, StripeObject.SUBSCRIPTIONS, "/v1/subscription_items?subscription={parent}", false),
    SUBSCRIPTIONS("subscriptions", "Subscriptions in every status.", StripeObject.SUBSCRIPTIONS, null, null, true),
    TRANSFERS("transfers", "Transfers to connected accounts.", StripeObject.TRANSFERS, null, null, true);

    private final String streamName;
    private final String description;
    private final StripeObject object;
    private final StripeObject parent;
    private final String childPath;
    private final boolean createdFilter;

    StripeStream(String streamName, String description, StripeObject object, StripeObject parent, String childPath,
                 boolean createdFilter) {
        this.streamName = streamName;
        this.description = description;
        this.object = object;
        this.parent = parent;
        this.childPath = childPath;
        this.createdFilter = createdFilter;
    }

    String streamName() {
        return streamName;
    }

    /** The object read, for top-level streams; empty for child streams. */
    Optional<StripeObject> object() {
        return Optional.ofNullable(object);
    }

    /** The parent object, for child streams; empty for top-level streams. */
    Optional<StripeObject> parent() {
        return Optional.ofNullable(parent);
    }

    /** Where a parent's children are listed: a path, and the query parameters that belong to it. */
    record ChildRequest(String path, Map<String, List<String>> query) {
    }

    /** Where one parent's children are listed, for child streams. */
    ChildRequest childRequest(String parentId) {
        String full = childPath.replace("{parent}", parentId);
        Map<String, List<String>> query = new LinkedHashMap<>();
        int question = full.indexOf('?');
        if (question < 0) {
            return new ChildRequest(full, query);
        }
        for (String pair : full.substring(question + 1).split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], List.of(parts[1]));
        }
        return new ChildRequest(full.substring(0, question), query);
    }

    /** The names of the child streams, which {@code stripe.list} lists under a parent. */
    static List<String> childNames() {
        return Arrays.stream(values()).filter(stream -> stream.object == null).map(StripeStream::streamName).toList();
    }

    StripePermission permission() {
        return object != null ? object.permission() : parent.permission();
    }

    StreamDescriptor descriptor() {
        // Everything Stripe lists is ordered by creation, and read in creation-time windows where
        // Stripe filters by creation. Incremental needs that filter (new objects by creation time)
        // and a top-level object (the change feed names changed objects by id, and readObject reads
        // them back): credit notes, which Stripe cannot filter by creation, and child streams (listed
        // parent by parent, each parent's in Stripe's order) are re-read whole instead.
        StreamDescriptor.Builder builder = StreamDescriptor.builder(streamName, description).primaryKey("id");
        createdField().ifPresentOrElse(field -> builder.cursor(field, CursorFormat.UNIX_SECONDS), builder::withoutCreationTime);
        if (object != null && createdFilter) {
            builder.incremental().createdFilter();
        }
        return builder.build();
    }

    /**
     * The field holding a record's creation time: the object's ({@code date} on invoice items), and
     * {@code created} on the child streams that carry one (subscription items, customer balance
     * transactions); bank accounts, Checkout line items and invoice line items have none.
     */
    Optional<String> createdField() {
        if (object != null) {
            return Optional.of(object.createdField());
        }
        return this == SUBSCRIPTION_ITEMS || this == CUSTOMER_BALANCE_TRANSACTIONS ? Optional.of("created") : Optional.empty();
    }

    static Optional<StripeStream> ofName(String name) {
        return Arrays.stream(values()).filter(stream -> stream.streamName.equals(name)).findFirst();
    }

    /** The stream, or the SPI's unknown-stream failure naming the {@code stream} field. */
    static StripeStream require(String name) {
        return ofName(name).orElseThrow(() -> new ConnectorException(StandardErrorCode.UNKNOWN_STREAM,
                "Stripe has no stream '" + name + "'", "stream", null, null, null));
    }

    /** The top-level stream that reads this object, if any. */
    static Optional<StripeStream> ofObject(StripeObject object) {
        return Arrays.stream(values()).filter(stream -> stream.object == object).findFirst();
    }
}
