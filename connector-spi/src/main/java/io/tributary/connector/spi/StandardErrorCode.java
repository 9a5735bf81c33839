package io.tributary.connector.spi;

/**
 * The error codes every connector may use. Prefer these; add a connector-specific
 * {@link ErrorCode} only when none fits.
 */
public enum StandardErrorCode implements ErrorCodeSupplier {

    /** The outside system refused the credentials (401, revoked or unknown key). */
    CREDENTIALS_REJECTED("credentials_rejected", ErrorKind.CREDENTIALS_REJECTED),
    /** The credentials do not have the expected shape, so they were not even sent. */
    CREDENTIALS_MALFORMED("credentials_malformed", ErrorKind.CREDENTIALS_REJECTED),
    /** The credentials lack a permission; {@link ConnectorException#permission()} names it. */
    PERMISSION_MISSING("permission_missing", ErrorKind.PERMISSION_MISSING),
    /** Too many requests; {@link ConnectorException#retryAfter()} says when to try again. */
    RATE_LIMITED("rate_limited", ErrorKind.RATE_LIMITED),
    /** The outside system is unavailable or failed (5xx, connection refused or reset). */
    PROVIDER_UNAVAILABLE("provider_unavailable", ErrorKind.TRANSIENT),
    /** The outside system did not answer in time. */
    PROVIDER_TIMEOUT("provider_timeout", ErrorKind.TRANSIENT),
    /** A parameter is invalid; {@link ConnectorException#field()} names it. */
    INVALID_PARAMETER("invalid_parameter", ErrorKind.INVALID_PARAMETERS),
    /** No such query type on this connector. */
    UNKNOWN_QUERY_TYPE("unknown_query_type", ErrorKind.INVALID_PARAMETERS),
    /** No such stream on this connector. */
    UNKNOWN_STREAM("unknown_stream", ErrorKind.INVALID_PARAMETERS),
    /** The object asked for does not exist. */
    OBJECT_NOT_FOUND("object_not_found", ErrorKind.NOT_FOUND),
    /** A webhook's signature does not match any accepted secret, or is missing. */
    WEBHOOK_SIGNATURE_INVALID("webhook_signature_invalid", ErrorKind.WEBHOOK_REJECTED),
    /** A webhook's signed timestamp is outside the tolerance window, in either direction. */
    WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE("webhook_timestamp_out_of_tolerance", ErrorKind.WEBHOOK_REJECTED),
    /** A webhook's body could not be parsed. */
    WEBHOOK_PAYLOAD_MALFORMED("webhook_payload_malformed", ErrorKind.WEBHOOK_REJECTED),
    /** The connector does not offer the operation. */
    UNSUPPORTED_OPERATION("unsupported_operation", ErrorKind.UNSUPPORTED),
    /** The outside system answered with something unexpected. */
    PROVIDER_ERROR("provider_error", ErrorKind.PROVIDER_ERROR),
    /** A defect in the connector. */
    CONNECTOR_ERROR("connector_error", ErrorKind.INTERNAL);

    private final ErrorCode errorCode;

    StandardErrorCode(String code, ErrorKind kind) {
        this.errorCode = new ErrorCode(code, kind);
    }

    @Override
    public ErrorCode toErrorCode() {
        return errorCode;
    }
}
