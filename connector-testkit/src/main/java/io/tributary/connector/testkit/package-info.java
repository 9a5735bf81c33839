/**
 * The connector test kit: {@link io.tributary.connector.testkit.ConnectorContractTest}, the
 * contract test every connector's own test extends (it installs the connector's factory through
 * the host, as the server does, and checks what the host relies on);
 * {@link io.tributary.connector.testkit.Capability}, the capabilities a contract claims;
 * {@link io.tributary.connector.testkit.InvalidQuery}, a connector's own invalid parameters; and
 * {@link io.tributary.connector.testkit.ResultConformance}, which checks a result against its
 * declared fields.
 */
package io.tributary.connector.testkit;
