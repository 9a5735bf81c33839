package io.tributary.connector.spi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/** A minimal connector around one query type, for SPI tests. */
class TestConnector implements Connector {

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
        return new ConnectorDescriptor("acme", "Acme", "Test connector.", List.of(), List.of(queryType), List.of(), false);
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
