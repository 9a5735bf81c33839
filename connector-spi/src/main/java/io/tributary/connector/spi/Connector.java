package io.tributary.connector.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A connector: reads numbers and objects from one kind of outside system (Stripe, a helpdesk, a
 * database) on behalf of the host.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: they need a public
 * no-argument constructor and a line in {@code META-INF/services/io.tributary.connector.spi.Connector}.
 * The host creates one instance per process and calls it from many threads at once, for many data
 * sources (and so many credentials) at once, so an implementation must be thread-safe and keep no
 * per-source state except caches keyed by the source's identity (for example, one rate limiter per
 * account).
 *
 * <p>Every operation receives a {@link ConnectorContext} that carries the source's credentials,
 * the connector's settings from the server configuration, a clock and timeouts. Failures are
 * thrown as {@link ConnectorException}; any other exception is treated by the host as a connector
 * bug ({@link ErrorKind#INTERNAL}).
 *
 * <p>This interface only ever grows by {@code default} methods, so a connector compiled today
 * keeps working on later 1.x hosts.
 */
public interface Connector {

    /**
     * The SPI version this connector was built against. Implement it as
     * {@code return SpiVersion.CURRENT;} so the compiler records the version you compiled with.
     *
     * @return a {@code "major.minor"} version string
     */
    String spiVersion();

    /**
     * What this connector is and offers, as data. Called once when the connector is loaded; must
     * not perform I/O.
     *
     * @return the descriptor, the same on every call
     */
    ConnectorDescriptor descriptor();

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
     * Verifies a webhook delivery's signature and parses its events. Connectors whose descriptor
     * says {@link ConnectorDescriptor#acceptsWebhooks()} must override this; it must not call the
     * outside system, must not read the context's credentials (the host verifies a delivery before
     * it opens any credential; the signing secrets come in the request), and must never let an
     * exception other than {@link ConnectorException} escape.
     *
     * @param context the source's context (its clock decides the signature tolerance window)
     * @param request the raw delivery and the signing secrets currently accepted
     * @return the delivery's events, each naming the query types and streams it makes stale
     * @throws ConnectorException {@link ErrorKind#WEBHOOK_REJECTED} for a bad signature, a stale
     *     timestamp or a malformed body
     */
    default List<WebhookEvent> parseWebhook(ConnectorContext context, WebhookRequest request) {
        throw new ConnectorException(StandardErrorCode.UNSUPPORTED_OPERATION,
                "Connector '" + descriptor().typeId() + "' does not accept webhooks");
    }

    /**
     * Reads one page of a stream, for mirroring objects into the host's database. Connectors that
     * declare streams must override this.
     *
     * @param context the source's context
     * @param request the stream, the cursor to continue from and an optional creation-time window
     * @return one page of records and the cursor of the next page
     * @throws ConnectorException on any failure
     */
    default StreamPage readStream(ConnectorContext context, StreamReadRequest request) {
        throw new ConnectorException(StandardErrorCode.UNSUPPORTED_OPERATION,
                "Connector '" + descriptor().typeId() + "' declares no readable streams");
    }

    /**
     * Where the change feed stands now: a cursor from which {@link #readChanges} returns the
     * changes made after this call. The host asks for it before a stream's backfill starts, so a
     * change made while the backfill runs is applied after it. Connectors with a change feed
     * (streams whose descriptor says {@link StreamDescriptor#incremental()}) must override this.
     *
     * @param context the source's context
     * @return an opaque cursor
     * @throws ConnectorException on any failure
     */
    default String changeFeedStart(ConnectorContext context) {
        throw new ConnectorException(StandardErrorCode.UNSUPPORTED_OPERATION,
                "Connector '" + descriptor().typeId() + "' has no change feed");
    }

    /**
     * Reads the changes made after a cursor, oldest first, for the streams requested. Connectors
     * that override {@link #changeFeedStart} must override this.
     *
     * @param context the source's context
     * @param request the cursor and the streams of interest
     * @return the changes, or {@link ChangePage#expired} when the cursor is older than the feed's
     *     history
     * @throws ConnectorException on any failure
     */
    default ChangePage readChanges(ConnectorContext context, ChangeRequest request) {
        throw new ConnectorException(StandardErrorCode.UNSUPPORTED_OPERATION,
                "Connector '" + descriptor().typeId() + "' has no change feed");
    }

    /**
     * Reads one object of a stream as it is now, for a change that carried no usable state
     * ({@link Change#needsRead()}). Connectors with a change feed must override this.
     *
     * @param context the source's context
     * @param stream the stream's name
     * @param objectId the object's id
     * @return the object, or empty when it no longer exists (it was deleted)
     * @throws ConnectorException on any failure
     */
    default Optional<ObjectNode> readObject(ConnectorContext context, String stream, String objectId) {
        throw new ConnectorException(StandardErrorCode.UNSUPPORTED_OPERATION,
                "Connector '" + descriptor().typeId() + "' cannot read single objects");
    }

    /**
     * The streams from which this connector can answer a query without asking the outside system.
     * The host answers from its mirror ({@link #runQueryOnMirror}) only when it mirrors every one
     * of them and has them current; otherwise it calls {@link #runQuery}.
     *
     * @param request a validated request
     * @return the streams needed; empty when the query cannot be answered from a mirror
     */
    default Set<String> mirrorStreams(QueryRequest request) {
        return Set.of();
    }

    /**
     * Answers a query from the host's mirror, with the same result {@link #runQuery} would give.
     * May still call the outside system for small things the mirror lacks (an account setting),
     * never for the bulk of the data.
     *
     * @param context the source's context
     * @param request a validated request whose {@link #mirrorStreams} the host mirrors and has current
     * @param mirror the mirrored records
     * @return the result, or empty when the mirrored data cannot answer this request after all
     *     (the host then runs the query live)
     * @throws ConnectorException on any failure
     */
    default Optional<QueryResult> runQueryOnMirror(ConnectorContext context, QueryRequest request, MirrorReader mirror) {
        return Optional.empty();
    }
}
