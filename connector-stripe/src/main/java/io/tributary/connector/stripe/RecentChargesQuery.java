package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.model.Charge;
import com.stripe.model.StripeCollection;
import com.stripe.param.ChargeListParams;
import io.tributary.connector.spi.MirrorReader;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code stripe.recent_charges}: the newest charges, one request with customers expanded, so the
 * email costs nothing extra.
 *
 * <p>From the mirror: the newest mirrored charges, each customer found in the mirrored customers
 * stream (what the live expansion gives), and no request to Stripe. When charges created in the same
 * second decide the order or which charges make the list, it answers nothing: Stripe's order
 * within a second is its own, and the mirror orders ties by id, so the host asks Stripe instead.
 */
final class RecentChargesQuery implements StripeQuery {

    private static final String CHARGES = StripeStream.CHARGES.streamName();
    private static final String CUSTOMERS = StripeStream.CUSTOMERS.streamName();

    @Override
    public String id() {
        return StripeQueryTypes.RECENT_CHARGES;
    }

    @Override
    public java.util.Set<StripePermission> permissions() {
        return java.util.Set.of(StripePermission.CHARGE, StripePermission.CUSTOMER);
    }

    @Override
    public QueryResult run(StripeSession session, QueryRequest request) {
        ChargeListParams params = ChargeListParams.builder()
                .setLimit(request.parameters().integer("limit").orElseThrow())
                .addExpand("data.customer")
                .build();
        StripeCollection<Charge> page = session.call(StripePermission.CHARGE, client -> client.v1().charges().list(params));
        return result(page.getData());
    }

    @Override
    public Set<String> mirrorStreams() {
        return Set.of(CHARGES, CUSTOMERS);
    }

    @Override
    public Optional<QueryResult> runOnMirror(MirrorRun run) {
        int limit = Math.toIntExact(run.request().parameters().integer("limit").orElseThrow());
        // One more than asked: if it shares its second with the last one asked for, which of them
        // Stripe lists first is not known here either.
        List<ObjectNode> newest = run.mirror().newest(CHARGES, limit + 1);
        if (sharesASecond(newest)) {
            return Optional.empty();
        }
        Map<String, Optional<ObjectNode>> customers = new HashMap<>(); // one look-up per customer, however many charges
        List<Charge> charges = new ArrayList<>();
        for (ObjectNode charge : newest.subList(0, Math.min(limit, newest.size()))) {
            charges.add(MirroredModels.parse(run.sessions().get(), withCustomer(charge, run.mirror(), customers), Charge.class));
        }
        return Optional.of(result(charges));
    }

    private static QueryResult result(List<Charge> newestFirst) {
        ArrayNode charges = JsonNodeFactory.instance.arrayNode();
        for (Charge charge : newestFirst) {
            ObjectNode item = charges.addObject();
            item.put("id", charge.getId());
            item.put("amount_cents", charge.getAmount());
            item.put("currency", charge.getCurrency());
            item.put("status", charge.getStatus());
            item.put("created_at_unix", charge.getCreated());
            item.put("customer_email", email(charge));
        }
        return QueryResult.of(JsonNodeFactory.instance.objectNode().set("charges", charges));
    }

    /** Whether two of the charges, newest first, were created in the same second. */
    private static boolean sharesASecond(List<ObjectNode> newestFirst) {
        for (int i = 1; i < newestFirst.size(); i++) {
            JsonNode earlier = newestFirst.get(i - 1).path("created");
            if (!earlier.isIntegralNumber() || earlier.longValue() == newestFirst.get(i).path("created").asLong(Long.MIN_VALUE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The charge with its customer in place of the customer's id, as the live expansion gives it.
     * A deleted customer is not in the mirror and stays an id: live, Stripe expands it to a stub
     * without an email, so either way the email comes from the billing details or the receipt.
     */
    private static ObjectNode withCustomer(ObjectNode charge, MirrorReader mirror, Map<String, Optional<ObjectNode>> customers) {
        JsonNode customer = charge.path("customer");
        if (customer.isTextual()) {
            customers.computeIfAbsent(customer.textValue(), id -> mirror.find(CUSTOMERS, id))
                    .ifPresent(found -> charge.set("customer", found.deepCopy()));
        }
        return charge;
    }

    /** The customer's email, else the billing details' email, else the receipt email, else null. */
    static String email(Charge charge) {
        if (charge.getCustomerObject() != null && present(charge.getCustomerObject().getEmail())) {
            return charge.getCustomerObject().getEmail();
        }
        if (charge.getBillingDetails() != null && present(charge.getBillingDetails().getEmail())) {
            return charge.getBillingDetails().getEmail();
        }
        return present(charge.getReceiptEmail()) ? charge.getReceiptEmail() : null;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
