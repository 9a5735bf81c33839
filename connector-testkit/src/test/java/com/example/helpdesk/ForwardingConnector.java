package com.example.helpdesk;

import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.spi.Streams;
import io.tributary.connector.spi.Webhooks;
import java.util.Optional;

/** A connector that does what another does; a broken variant overrides the one thing it gets wrong. */
class ForwardingConnector implements Connector {

    private final Connector delegate;

    ForwardingConnector(Connector delegate) {
        this.delegate = delegate;
    }

    @Override
    public CredentialCheck validateCredentials(ConnectorContext context) {
        return delegate.validateCredentials(context);
    }

    @Override
    public void checkParameters(QueryRequest request) {
        delegate.checkParameters(request);
    }

    @Override
    public QueryResult runQuery(ConnectorContext context, QueryRequest request) {
        return delegate.runQuery(context, request);
    }

    @Override
    public Optional<Webhooks> webhooks() {
        return delegate.webhooks();
    }

    @Override
    public Optional<Streams> streams() {
        return delegate.streams();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
