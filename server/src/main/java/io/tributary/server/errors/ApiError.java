package io.tributary.server.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of every error response: {@code {"error": {"code", "message", "field"}}}. Codes are
 * stable; messages are for people and never carry a secret or a stack trace.
 */
@Schema(description = "The body of every error response.",
        example = "{\"error\": {\"code\": \"invalid_request\", \"message\": \"'label' is required\", \"field\": \"label\"}}")
public record ApiError(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Detail error) {

    /** The error itself. */
    @Schema(name = "ApiErrorDetail")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "not_found",
                    description = "Stable, lower-case: clients branch on it") String code,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Data source ds_4kQ8mZt2Lx9VbN7cRw1P was not found",
                    description = "For people; never a secret or a stack trace") String message,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, example = "binding.queryConfig.type",
                    description = "The request field at fault, dotted; absent when the request as a whole is") String field) {
    }

    public static ApiError of(String code, String message, String field) {
        return new ApiError(new Detail(code, message, field));
    }
}
