package io.tributary.connector.stripe;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The connector's queries, one per query type of its descriptor, found by query type id. */
final class StripeQueries {

    private final Map<String, StripeQuery> byId = List.of(new MrrQuery(), new BalanceQuery(), new RecentChargesQuery(),
                    new ListQuery(), new GetQuery(), new RevenueQuery(), new SubscribersQuery()).stream()
            .collect(Collectors.toUnmodifiableMap(StripeQuery::id, Function.identity()));

    /** The query, or empty when Stripe has none by that id. */
    Optional<StripeQuery> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The query, or the SPI's unknown-query-type failure naming the {@code type} field. */
    StripeQuery require(String id) {
        return find(id).orElseThrow(() -> new ConnectorException(StandardErrorCode.UNKNOWN_QUERY_TYPE,
                "Stripe has no query type '" + id + "'", "type", null, null, null));
    }
}
