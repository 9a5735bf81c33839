package io.tributary.connector.spi;

/**
 * What kind of failure a {@link ConnectorException} reports. The kind, not the code, decides what
 * the host does: whether it retries, whether the whole data source or one binding fails, and which
 * HTTP status an API caller sees. Codes are for people and dashboards; kinds are for the host.
 */
public enum ErrorKind {

    /**
     * The outside system refused the credentials (revoked, expired, wrong, or malformed). The host
     * stops refreshing the whole data source until its credentials are updated or tested
     * successfully. Never retried.
     */
    CREDENTIALS_REJECTED(false, Scope.SOURCE),

    /**
     * The credentials are valid but lack a permission this operation needs. Only the affected
     * binding or stream fails; the exception names the permission to grant. Never retried.
     */
    PERMISSION_MISSING(false, Scope.OPERATION),

    /** The outside system asked us to slow down; retried after the exception's retry-after. */
    RATE_LIMITED(true, Scope.OPERATION),

    /** A failure that may pass: a timeout, a 5xx, a dropped connection. Retried with backoff. */
    TRANSIENT(true, Scope.OPERATION),

    /** The caller's parameters are invalid; the exception names the field. Never retried. */
    INVALID_PARAMETERS(false, Scope.OPERATION),

    /** The object asked for does not exist in the outside system. Never retried. */
    NOT_FOUND(false, Scope.OPERATION),

    /** A webhook delivery was refused: bad signature, stale timestamp or malformed body. */
    WEBHOOK_REJECTED(false, Scope.OPERATION),

    /** The connector does not offer this operation. */
    UNSUPPORTED(false, Scope.OPERATION),

    /** The outside system answered with something the connector does not understand. */
    PROVIDER_ERROR(false, Scope.OPERATION),

    /** A defect in the connector itself. */
    INTERNAL(false, Scope.OPERATION);

    /** How much of a data source a failure of this kind takes out. */
    public enum Scope {
        /** The data source as a whole: its credentials no longer work. */
        SOURCE,
        /** Only the operation (one binding's query, one stream, one webhook delivery). */
        OPERATION
    }

    private final boolean retryable;
    private final Scope scope;

    ErrorKind(boolean retryable, Scope scope) {
        this.retryable = retryable;
        this.scope = scope;
    }

    /**
     * Whether the host may try the same operation again later.
     *
     * @return true for {@link #RATE_LIMITED} and {@link #TRANSIENT}
     */
    public boolean retryable() {
        return retryable;
    }

    /**
     * How much fails with it.
     *
     * @return {@link Scope#SOURCE} for {@link #CREDENTIALS_REJECTED}, else {@link Scope#OPERATION}
     */
    public Scope scope() {
        return scope;
    }
}
