package io.tributary.connector.spi;

import java.util.List;
import java.util.Optional;

/**
 * A connector: reads numbers and objects from one kind of outside system (Stripe, a helpdesk, a
 * database) on behalf of the host. Created once per process by its {@link ConnectorFactory}.
 *
 * <p>The host calls it from many threads at once, for many data sources (and so many
 * credentials) at once, so an implementation must be thread-safe and keep no per-source state
 * except caches keyed by the source's identity (for example, one rate limiter per account).
 *
 * <p>Every query is answered; everything else is an optional capability the connector returns as
 * a facet: {@link #webhooks()} to accept signed pushes, {@link #streams()} to have its objects
 * mirrored (with, under it, a change feed and answers from the mirror). A capability not returned
 * is absent: there is no flag to keep in step with it.
 *
 * <p>Failures are thrown as {@link ConnectorException}; any other exception is treated by the
 * host as a connector bug ({@link ErrorKind#INTERNAL}).
 */
public interface Connector extends AutoCloseable {

    /**
     * Checks the context's credentials against the outside system and reports whose account they
     * open and what they may read.
     *
     * @param context the source's context
     * @return the account's identity and which query types and streams the credentials can serve
     * @throws ConnectorException {@link ErrorKind#CREDENTIALS_REJECTED} when the system refuses
     *     the credentials, or another kind when the check itself could not run
     */
    CredentialCheck validateCredentials(ConnectorContext context);

    /**
     * Checks a query's parameters beyond what the schema in {@link QueryType} can say (for
     * example an id's prefix), before any credential is read or any request is sent. The host
     * calls it after validating the parameters against the schema and before
     * {@link #runQuery}, including when a binding is saved.
     *
     * @param request a request whose parameters already satisfy the query type's schema
     * @throws ConnectorException {@link ErrorKind#INVALID_PARAMETERS}, naming the field
     */
    default void checkParameters(QueryRequest request) {
    }

    /**
     * Runs one query.
     *
     * @param context the source's context
     * @param request a validated request for one of the descriptor's query types
     * @return the result, shaped as the query type's result fields declare
     * @throws ConnectorException on any failure
     */
    QueryResult runQuery(ConnectorContext context, QueryRequest request);

    /**
     * The fields this request's result will have, when they depend on the request rather than only
     * on its query type (the columns of a user-written SQL query). The host calls it when a binding
     * is saved, to check the binding's projection against them; it may ask the outside system
     * (without fetching the data itself). Called only for query types built
     * {@link QueryType.Builder#resultFieldsPerRequest()}. Since SPI 2.1.
     *
     * @param context the source's context
     * @param request a validated request
     * @return the top-level result fields for this request, or empty (the default) when the query
     *     type's {@link QueryType#resultFields()} describe every result
     * @throws ConnectorException on any failure, as {@link #runQuery} would report it
     */
    default Optional<List<ResultField>> resultFields(ConnectorContext context, QueryRequest request) {
        return Optional.empty();
    }

    /**
     * Signed pushes from the outside system, when it sends them.
     *
     * @return the webhook capability, or empty (the default) when the connector accepts none
     */
    default Optional<Webhooks> webhooks() {
        return Optional.empty();
    }

    /**
     * Streams of objects the host can mirror into its database, when the connector has them.
     *
     * @return the streams capability, or empty (the default) when the connector has none
     */
    default Optional<Streams> streams() {
        return Optional.empty();
    }

    /**
     * Releases what the connector holds (HTTP clients, thread pools, connection pools). The server
     * calls it once, when it stops, and calls nothing after it. Must not throw, and a second call
     * must do nothing: tools and the contract test may close an instance twice.
     */
    @Override
    default void close() {
    }
}
