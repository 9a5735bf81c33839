package io.tributary.connector.host;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tributary.connector.spi.AccountIdentity;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.spi.Streams;
import io.tributary.connector.spi.Webhooks;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connector for host tests: answers every query with a count, has the facets it is given (null
 * included, to test the host's checks), and counts how often the host asks for them and closes it.
 */
class StubConnector implements Connector {

    final AtomicInteger webhookCalls = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    private final Optional<Webhooks> webhooks;
    private final Optional<Streams> streams;
    private final RuntimeException closeFailure;

    StubConnector() {
        this(Optional.empty(), Optional.empty(), null);
    }

    StubConnector(Optional<Webhooks> webhooks, Optional<Streams> streams, RuntimeException closeFailure) {
        this.webhooks = webhooks;
        this.streams = streams;
        this.closeFailure = closeFailure;
    }

    @Override
    public CredentialCheck validateCredentials(ConnectorContext context) {
        return new CredentialCheck(new AccountIdentity("acct_1", false, null), List.of(), List.of());
    }

    @Override
    public QueryResult runQuery(ConnectorContext context, QueryRequest request) {
        return QueryResult.of(JsonNodeFactory.instance.objectNode().put("count", 1));
    }

    @Override
    public Optional<Webhooks> webhooks() {
        webhookCalls.incrementAndGet();
        return webhooks;
    }

    @Override
    public Optional<Streams> streams() {
        return streams;
    }

    @Override
    public void close() {
        closes.incrementAndGet();
        if (closeFailure != null) {
            throw closeFailure;
        }
    }
}
