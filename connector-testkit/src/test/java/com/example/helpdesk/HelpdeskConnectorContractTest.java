package com.example.helpdesk;

/** The helpdesk connector passes the contract: the kit works on a connector that is not ours. */
class HelpdeskConnectorContractTest extends HelpdeskContract {

    @Override
    protected String connectorTypeId() {
        return "helpdesk";
    }
}
