package com.example.helpdesk;

import io.tributary.connector.spi.ConnectorFactory;

/** The helpdesk connector passes the contract: the kit works on a connector that is not ours. */
class HelpdeskConnectorContractTest extends HelpdeskContract {

    @Override
    protected ConnectorFactory factory() {
        return new HelpdeskConnectorFactory();
    }
}
