package io.tributary.connector.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one exception a connector throws. It carries an {@link ErrorCode} (a stable code and the
 * {@link ErrorKind} that decides retries and HTTP status) and, depending on the kind, the
 * parameter field at fault, the permission to grant, or how long to wait before retrying.
 *
 * <p>Messages are shown to people: say what happened and what to do, and never include a secret
 * (a key, a token, a signature) or a whole response body.
 */
public class ConnectorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final String field;
    private final String permission;
    private final Duration retryAfter;

    /**
     * A failure with a code and a message.
     *
     * @param errorCode the code
     * @param message a message for people, without secrets
     */
    public ConnectorException(ErrorCodeSupplier errorCode, String message) {
        this(errorCode, message, null, null, null, null);
    }

    /**
     * A failure with a code, a message and its cause.
     *
     * @param errorCode the code
     * @param message a message for people, without secrets
     * @param cause the underlying failure; its message must not contain secrets either
     */
    public ConnectorException(ErrorCodeSupplier errorCode, String message, Throwable cause) {
        this(errorCode, message, null, null, null, cause);
    }

    /**
     * The full constructor.
     *
     * @param errorCode the code
     * @param message a message for people, without secrets
     * @param field the parameter or credential field at fault, or null
     * @param permission the permission to grant, or null
     * @param retryAfter how long to wait before retrying, or null
     * @param cause the underlying failure, or null
     */
    public ConnectorException(ErrorCodeSupplier errorCode, String message, String field, String permission,
                              Duration retryAfter, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode").toErrorCode();
        this.field = field;
        this.permission = permission;
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
        this.retryAfter = retryAfter;
    }

    /**
     * The outside system refused the credentials.
     *
     * @param message what happened and what to do
     * @return the exception
     */
    public static ConnectorException credentialsRejected(String message) {
        return new ConnectorException(StandardErrorCode.CREDENTIALS_REJECTED, message);
    }

    /**
     * The credentials lack a permission.
     *
     * @param permission the permission to grant, as the outside system names it
     * @param message what happened and what to do
     * @return the exception
     */
    public static ConnectorException permissionMissing(String permission, String message) {
        Objects.requireNonNull(permission, "permission");
        return new ConnectorException(StandardErrorCode.PERMISSION_MISSING, message, null, permission, null, null);
    }

    /**
     * Too many requests.
     *
     * @param retryAfter how long to wait, or null when the outside system did not say
     * @param message what happened
     * @return the exception
     */
    public static ConnectorException rateLimited(Duration retryAfter, String message) {
        return new ConnectorException(StandardErrorCode.RATE_LIMITED, message, null, null, retryAfter, null);
    }

    /**
     * A failure that may pass if tried again.
     *
     * @param message what happened
     * @param cause the underlying failure, or null
     * @return the exception
     */
    public static ConnectorException transientFailure(String message, Throwable cause) {
        return new ConnectorException(StandardErrorCode.PROVIDER_UNAVAILABLE, message, cause);
    }

    /**
     * A parameter is invalid.
     *
     * @param field the parameter's name
     * @param reason why, for people
     * @return the exception
     */
    public static ConnectorException invalidParameter(String field, String reason) {
        Objects.requireNonNull(field, "field");
        return new ConnectorException(StandardErrorCode.INVALID_PARAMETER, reason, field, null, null, null);
    }

    /**
     * The error code.
     *
     * @return the code and kind
     */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /**
     * Shorthand for {@code errorCode().kind()}.
     *
     * @return the kind
     */
    public ErrorKind kind() {
        return errorCode.kind();
    }

    /**
     * The parameter or credential field at fault.
     *
     * @return the field, when the failure concerns one
     */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /**
     * The permission to grant.
     *
     * @return the permission, for {@link ErrorKind#PERMISSION_MISSING}
     */
    public Optional<String> permission() {
        return Optional.ofNullable(permission);
    }

    /**
     * How long to wait before retrying.
     *
     * @return the delay, when the outside system said
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public String toString() {
        return getClass().getName() + "[" + errorCode.code() + "/" + errorCode.kind()
                + (field == null ? "" : ", field=" + field)
                + (permission == null ? "" : ", permission=" + permission)
                + (retryAfter == null ? "" : ", retryAfter=" + retryAfter)
                + "]: " + getMessage();
    }
}
