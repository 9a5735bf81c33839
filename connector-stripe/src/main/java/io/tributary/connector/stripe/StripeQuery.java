package io.tributary.connector.stripe;

import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import java.util.Optional;
import java.util.Set;

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

    /** The streams {@link #runOnMirror} reads; empty when the query cannot be answered from a mirror. */
    default Set<String> mirrorStreams() {
        return Set.of();
    }

    /**
     * The same result as {@link #run}, from the host's mirror; empty when the mirror cannot give
     * exactly that result, so the host runs the query live.
     */
    default Optional<QueryResult> runOnMirror(MirrorRun run) {
        return Optional.empty();
    }
}
