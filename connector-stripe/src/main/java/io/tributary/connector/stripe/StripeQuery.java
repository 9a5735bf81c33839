package io.tributary.connector.stripe;

import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;

/** One of the connector's query types, run against a Stripe account. */
interface StripeQuery {

    /** The query type's id, such as {@code stripe.mrr}. */
    String id();

    /**
     * The permissions the query needs, for capability reports; empty for queries that read
     * whichever objects the key may read.
     */
    java.util.Set<StripePermission> permissions();

    /** Checks parameters beyond the schema, before any request; see {@code Connector#checkParameters}. */
    default void check(QueryRequest request) {
    }

    QueryResult run(StripeSession session, QueryRequest request);
}
