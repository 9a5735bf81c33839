package io.tributary.connector.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.model.BalanceTransaction;
import com.stripe.param.BalanceTransactionListParams;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CreatedWindow;
import io.tributary.connector.spi.QueryParameters;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code stripe.revenue}: gross, refunded, fees and net over a period, from the balance
 * transactions of payments and refunds (in the currency they settled in), read 100 to a page.
 *
 * <p>From the mirror it adds up the mirrored balance transactions created in the same window, in
 * whole seconds as Stripe filters them. It still asks Stripe for the account's default currency
 * when no {@code currency} is given (once an hour per key, as live).
 */
final class RevenueQuery implements StripeQuery {

    private static final Set<String> PAYMENTS = Set.of("charge", "payment");
    private static final Set<String> REFUNDS = Set.of("refund", "payment_refund");

    /** Running totals for one currency. */
    private static final class Totals {
        long gross;
        long refunded;
        long fees;
        long transactions;

        long net() {
            return gross - refunded - fees;
        }
    }

    /** The period a request covers. */
    record Period(Instant start, Instant end) {
    }

    @Override
    public String id() {
        return StripeQueryTypes.REVENUE;
    }

    @Override
    public java.util.Set<StripePermission> permissions() {
        return java.util.Set.of(StripePermission.BALANCE);
    }

    @Override
    public void check(QueryRequest request) {
        QueryParameters parameters = request.parameters();
        if (parameters.timestamp("created_gte").isPresent() && parameters.timestamp("created_lt").isPresent()
                && !parameters.timestamp("created_gte").get().isBefore(parameters.timestamp("created_lt").get())) {
            throw ConnectorException.invalidParameter("created_lt", "created_lt must be after created_gte");
        }
    }

    static Period period(QueryParameters parameters, Instant now) {
        Instant end = parameters.timestamp("created_lt").orElse(now);
        Instant start = parameters.timestamp("created_gte")
                .orElse(end.minus(Duration.ofDays(parameters.integer("days").orElseThrow())));
        return new Period(start, end);
    }

    @Override
    public QueryResult run(StripeSession session, QueryRequest request) {
        Period period = period(request.parameters(), session.clock().instant());
        BalanceTransactionListParams params = BalanceTransactionListParams.builder()
                .setLimit(100L)
                .setCreated(BalanceTransactionListParams.Created.builder()
                        .setGte(period.start().getEpochSecond())
                        .setLt(period.end().getEpochSecond())
                        .build())
                .build();
        Map<String, Totals> byCurrency = new TreeMap<>();
        session.call(StripePermission.BALANCE, client -> {
            for (BalanceTransaction transaction : client.v1().balanceTransactions().list(params).autoPagingIterable()) {
                add(byCurrency, transaction);
            }
            return null;
        });
        return result(request, () -> session, period, byCurrency);
    }

    @Override
    public Set<String> mirrorStreams() {
        return Set.of(StripeStream.BALANCE_TRANSACTIONS.streamName());
    }

    @Override
    public Optional<QueryResult> runOnMirror(MirrorRun run) {
        Period period = period(run.request().parameters(), run.clock().instant());
        // Stripe is asked for created[gte]=start and created[lt]=end in whole seconds: the same
        // window here. One that is empty (or ends before it starts) holds nothing, as Stripe
        // answers, and CreatedWindow refuses it.
        Instant from = Instant.ofEpochSecond(period.start().getEpochSecond());
        Instant until = Instant.ofEpochSecond(period.end().getEpochSecond());
        Map<String, Totals> byCurrency = new TreeMap<>();
        if (from.isBefore(until)) {
            run.mirror().forEach(StripeStream.BALANCE_TRANSACTIONS.streamName(), new CreatedWindow(from, until),
                    json -> add(byCurrency, MirroredModels.parse(run.sessions().get(), json, BalanceTransaction.class)));
        }
        return Optional.of(result(run.request(), run.sessions(), period, byCurrency));
    }

    /** The result, live or from the mirror: totals are sums, so the order transactions came in does not matter. */
    private static QueryResult result(QueryRequest request, Supplier<StripeSession> sessions, Period period,
                                      Map<String, Totals> byCurrency) {
        List<Map.Entry<String, Totals>> ordered = byCurrency.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Totals> e) -> e.getValue().gross).reversed()
                        .thenComparing(Map.Entry::getKey))
                .toList();
        String currency = Currencies.headline(request, sessions, ordered.stream().map(Map.Entry::getKey).toList());
        Totals headline = byCurrency.getOrDefault(currency, new Totals());

        ObjectNode data = JsonNodeFactory.instance.objectNode();
        put(data, headline).put("currency", currency);
        data.put("period_start_unix", period.start().getEpochSecond());
        data.put("period_end_unix", period.end().getEpochSecond());
        ArrayNode list = data.putArray("by_currency");
        ordered.forEach(entry -> put(list.addObject().put("currency", entry.getKey()), entry.getValue()));
        return QueryResult.of(data);
    }

    private static void add(Map<String, Totals> byCurrency, BalanceTransaction transaction) {
        boolean payment = PAYMENTS.contains(transaction.getType());
        boolean refund = REFUNDS.contains(transaction.getType());
        if (!payment && !refund) {
            return;
        }
        Totals totals = byCurrency.computeIfAbsent(transaction.getCurrency(), currency -> new Totals());
        long amount = transaction.getAmount() == null ? 0 : transaction.getAmount();
        if (payment) {
            totals.gross += amount;
        } else {
            totals.refunded += -amount;
        }
        totals.fees += transaction.getFee() == null ? 0 : transaction.getFee();
        totals.transactions++;
    }

    private static ObjectNode put(ObjectNode node, Totals totals) {
        return node.put("gross_cents", totals.gross)
                .put("refunded_cents", totals.refunded)
                .put("fees_cents", totals.fees)
                .put("net_cents", totals.net())
                .put("transactions", totals.transactions);
    }
}
