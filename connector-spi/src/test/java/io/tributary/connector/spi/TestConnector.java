package io.tributary.connector.spi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/** A minimal connector around one query type, implementing only what the SPI requires, for SPI tests. */
class TestConnector implements ConnectorFactory, Connector {

    private final QueryType queryType;

    TestConnector(QueryType queryType) {
        this.queryType = queryType;
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return ConnectorDescriptor.builder("acme", "Acme", "Test connector.").queryType(queryType).build();
    }

    @Override
    public Connector create(ConnectorSettings settings) {
        return this;
    }

    @Override
    public CredentialCheck validateCredentials(ConnectorContext context) {
        return new CredentialCheck(new AccountIdentity("acct_1", false, null), List.of(), List.of());
    }

    @Override
    public QueryResult runQuery(ConnectorContext context, QueryRequest request) {
        return QueryResult.of(JsonNodeFactory.instance.objectNode().put("count", 1));
    }
}
