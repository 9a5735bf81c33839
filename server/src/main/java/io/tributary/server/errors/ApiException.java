package io.tributary.server.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * A request the HTTP layer refuses (a query parameter it cannot parse, a body too large), with the
 * status, stable code, message and field to answer. The services refuse with a problem instead
 * ({@code io.tributary.server.problems}), which {@link ErrorMappers} answers the same way.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;
    private final Duration retryAfter;

    public ApiException(int status, String code, String message, String field) {
        this(status, code, message, field, null);
    }

    private ApiException(int status, String code, String message, String field, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    /** 429 with a {@code Retry-After} header: the caller may try again after that long. */
    public static ApiException tooManyRequests(String code, String message, Duration retryAfter) {
        return new ApiException(429, code, message, null, retryAfter);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(422, "invalid_request", message, field);
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** When the caller may try again, for a {@code Retry-After} header. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public ApiError toError() {
        return ApiError.of(code, getMessage(), field);
    }
}
