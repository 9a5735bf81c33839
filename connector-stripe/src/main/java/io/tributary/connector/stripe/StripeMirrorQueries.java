package io.tributary.connector.stripe;

import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.MirrorQueries;
import io.tributary.connector.spi.MirrorReader;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import java.util.Optional;
import java.util.Set;

/**
 * Answers from the host's mirror, with the same result as live: {@code stripe.mrr} from the
 * subscriptions and coupons, {@code stripe.recent_charges} from the charges and customers, and
 * {@code stripe.revenue} from the balance transactions. Each runs the live query's own rules on
 * the mirrored objects, turned back into stripe-java's models. They still ask Stripe for the
 * account's default currency when the result needs it and no {@code currency} is given (at most
 * once an hour per key, as live) and for the rest of a subscription's items when Stripe embedded
 * only some; and they answer nothing (so the host runs the query live) when the mirror cannot give
 * the same result: recent charges created in the same second, or mirrored subscriptions whose
 * discounts are not expanded.
 */
final class StripeMirrorQueries implements MirrorQueries {

    private final StripeSessions sessions;
    private final StripeQueries queries;

    StripeMirrorQueries(StripeSessions sessions, StripeQueries queries) {
        this.sessions = sessions;
        this.queries = queries;
    }

    @Override
    public Set<String> streamsFor(QueryRequest request) {
        return queries.find(request.queryTypeId()).map(StripeQuery::mirrorStreams).orElse(Set.of());
    }

    @Override
    public Optional<QueryResult> run(ConnectorContext context, QueryRequest request, MirrorReader mirror) {
        Optional<StripeQuery> query = queries.find(request.queryTypeId());
        if (query.isEmpty() || query.get().mirrorStreams().isEmpty()) {
            return Optional.empty(); // the live query reports what is wrong with the request
        }
        return query.get().runOnMirror(new MirrorRun(request, mirror, context.clock(), sessions.onDemand(context)));
    }
}
