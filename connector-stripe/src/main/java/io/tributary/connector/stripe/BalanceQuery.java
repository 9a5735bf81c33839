package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.model.Balance;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code stripe.balance}: available and pending funds, per currency. One request. */
final class BalanceQuery implements StripeQuery {

    private record Funds(String currency, long available, long pending) {
    }

    @Override
    public String id() {
        return StripeQueryTypes.BALANCE;
    }

    @Override
    public java.util.Set<StripePermission> permissions() {
        return java.util.Set.of(StripePermission.BALANCE);
    }

    @Override
    public QueryResult run(StripeSession session, QueryRequest request) {
        Balance balance = session.call(StripePermission.BALANCE, client -> client.v1().balance().retrieve());
        Map<String, long[]> byCurrency = new TreeMap<>();
        if (balance.getAvailable() != null) {
            balance.getAvailable().forEach(part -> byCurrency.computeIfAbsent(part.getCurrency(), c -> new long[2])[0] += part.getAmount());
        }
        if (balance.getPending() != null) {
            balance.getPending().forEach(part -> byCurrency.computeIfAbsent(part.getCurrency(), c -> new long[2])[1] += part.getAmount());
        }
        List<Funds> funds = byCurrency.entrySet().stream()
                .map(entry -> new Funds(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .sorted(Comparator.comparingLong((Funds f) -> f.available() + f.pending()).reversed().thenComparing(Funds::currency))
                .toList();
        String currency = Currencies.headline(request, session, funds.stream().map(Funds::currency).toList());
        Funds headline = funds.stream().filter(f -> f.currency().equals(currency)).findFirst().orElse(new Funds(currency, 0, 0));

        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("available_cents", headline.available())
                .put("pending_cents", headline.pending())
                .put("currency", headline.currency());
        ArrayNode list = data.putArray("by_currency");
        funds.forEach(f -> list.addObject().put("currency", f.currency()).put("available_cents", f.available()).put("pending_cents", f.pending()));
        return QueryResult.of(data);
    }
}
