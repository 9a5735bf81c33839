/**
 * The connector test kit: {@link io.tributary.connector.testkit.ConnectorContractTest}, the
 * contract test every connector's own test extends, and
 * {@link io.tributary.connector.testkit.ResultConformance}, which checks a result against its
 * declared fields.
 */
package io.tributary.connector.testkit;
