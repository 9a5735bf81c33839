package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.model.Charge;
import com.stripe.model.StripeCollection;
import com.stripe.param.ChargeListParams;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;

/**
 * {@code stripe.recent_charges}: the newest charges, one request with customers expanded, so the
 * email costs nothing extra.
 */
final class RecentChargesQuery implements StripeQuery {

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
        ArrayNode charges = JsonNodeFactory.instance.arrayNode();
        for (Charge charge : page.getData()) {
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
