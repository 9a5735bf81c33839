package io.tributary.connector.stripe;

import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.spi.Streams;
import io.tributary.connector.spi.Webhooks;
import java.util.Optional;

/**
 * The Stripe connector: reads a Stripe account with a restricted read-only key (or a secret key,
 * with a warning), answers MRR, balance, charge, revenue and subscriber queries and reads of any
 * object, verifies webhooks ({@link StripeWebhooks}), and reads every object stream for mirroring
 * ({@link StripeStreams}, with a change feed over the account's events and answers from the
 * mirror). It never writes to Stripe.
 *
 * <p>Created once by {@link StripeConnectorFactory} with the operator's settings. Between
 * operations it keeps one rate limiter per key, and what it learned about each account, never a
 * key; {@link #close()} forgets them.
 */
public final class StripeConnector implements Connector {

    private final StripeSessions sessions;
    private final StripeQueries queries = new StripeQueries();
    private final StripeWebhooks webhooks;
    private final StripeStreams streams;

    StripeConnector(StripeSettings settings) {
        this.sessions = new StripeSessions(settings);
        this.webhooks = new StripeWebhooks(settings.webhookTolerance());
        this.streams = new StripeStreams(sessions, queries);
    }

    @Override
    public void checkParameters(QueryRequest request) {
        queries.require(request.queryTypeId()).check(request);
    }

    @Override
    public CredentialCheck validateCredentials(ConnectorContext context) {
        return StripeCredentialCheck.of(sessions.open(context), queries);
    }

    @Override
    public QueryResult runQuery(ConnectorContext context, QueryRequest request) {
        StripeQuery query = queries.require(request.queryTypeId());
        return query.run(sessions.open(context), request);
    }

    @Override
    public Optional<Webhooks> webhooks() {
        return Optional.of(webhooks);
    }

    @Override
    public Optional<Streams> streams() {
        return Optional.of(streams);
    }

    @Override
    public void close() {
        sessions.close();
    }
}
