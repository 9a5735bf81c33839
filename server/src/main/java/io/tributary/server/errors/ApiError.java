package io.tributary.server.errors;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error response: {@code {"error": {"code", "message", "field"}}}. Codes are
 * stable; messages are for people and never carry a secret or a stack trace.
 */
public record ApiError(Detail error) {

    /** The error itself. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String code, String message, String field) {
    }

    public static ApiError of(String code, String message, String field) {
        return new ApiError(new Detail(code, message, field));
    }
}
