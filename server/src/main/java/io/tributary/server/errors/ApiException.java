package io.tributary.server.errors;

/** A request the server refuses, with the status, stable code, message and field to answer. */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " was not found", null);
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

    public ApiError toError() {
        return ApiError.of(code, getMessage(), field);
    }
}
