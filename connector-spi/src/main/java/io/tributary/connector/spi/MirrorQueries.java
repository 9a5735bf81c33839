package io.tributary.connector.spi;

import java.util.Optional;
import java.util.Set;

/**
 * Answers to queries from the host's mirror of the connector's streams, with the same result
 * {@link Connector#runQuery} would give, so a query over a large account costs no requests.
 */
public interface MirrorQueries {

    /**
     * The streams from which this connector can answer a query without asking the outside system.
     * The host answers from its mirror only when it mirrors every one of them and has them current;
     * otherwise it calls {@link Connector#runQuery}.
     *
     * @param request a validated request
     * @return the streams needed; empty when the query cannot be answered from a mirror
     */
    Set<String> streamsFor(QueryRequest request);

    /**
     * Answers a query from the mirror. May still call the outside system for small things the
     * mirror lacks (an account setting), never for the bulk of the data.
     *
     * @param context the source's context
     * @param request a validated request whose {@link #streamsFor} the host mirrors and has current
     * @param mirror the mirrored records
     * @return the result, or empty when the mirrored data cannot answer this request after all
     *     (the host then runs the query live)
     * @throws ConnectorException on any failure
     */
    Optional<QueryResult> run(ConnectorContext context, QueryRequest request, MirrorReader mirror);
}
