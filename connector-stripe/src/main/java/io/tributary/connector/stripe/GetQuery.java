package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import java.util.Map;

/** {@code stripe.get}: one object by id, its prefix checked before any request ({@code cus_} for customers, ...). */
final class GetQuery implements StripeQuery {

    @Override
    public String id() {
        return StripeQueryTypes.GET;
    }

    @Override
    public java.util.Set<StripePermission> permissions() {
        return java.util.Set.of();
    }

    @Override
    public void check(QueryRequest request) {
        ListQuery.requirePrefix(ListQuery.object(request.parameters()), request.parameters().string("id").orElseThrow(), "id");
    }

    @Override
    public QueryResult run(StripeSession session, QueryRequest request) {
        StripeObject object = ListQuery.object(request.parameters());
        String id = request.parameters().string("id").orElseThrow();
        JsonNode found = session.getJson(object.permission(), object.path() + "/" + id, Map.of());
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("object", found);
        return QueryResult.of(result);
    }
}
