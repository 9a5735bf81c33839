package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Stripe's error bodies, {@code {"error": {...}}}, with the wording Stripe uses. stripe-java
 * picks its exception by status: 400/404 InvalidRequestException, 401 AuthenticationException,
 * 403 PermissionException, 429 RateLimitException, others ApiException.
 */
final class StripeErrors {

    private StripeErrors() {
    }

    /** 401 for an unknown or revoked key; the key is masked as Stripe masks it. */
    static ApiError invalidApiKey(String key) {
        return error(401, "invalid_request_error", null, null, "Invalid API Key provided: " + ApiKeys.mask(key));
    }

    /** 401 when no key was sent. */
    static ApiError noApiKey() {
        return error(401, "invalid_request_error", null, null,
                "You did not provide an API key. You need to provide your API key in the Authorization header, using "
                        + "Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication "
                        + "for details, or we can help at https://support.stripe.com/.");
    }

    /** 403 for a restricted key that lacks the endpoint's permission. */
    static ApiError missingPermission(String key, String accountId, String permission) {
        return error(403, "invalid_request_error", null, null, "The provided key '" + ApiKeys.mask(key)
                + "' does not have the required permissions for this endpoint on account '" + accountId + "'. Having the '"
                + permission + "' permission would allow this request to continue.");
    }

    /** 404 for an unknown id in the path. */
    static ApiError noSuchObject(String objectName, String id) {
        return error(404, "invalid_request_error", "resource_missing", "id", "No such " + objectName + ": '" + id + "'");
    }

    /** 400 for an unknown id named by a parameter, such as {@code starting_after}. */
    static ApiError noSuchObjectInParameter(String objectName, String id, String param) {
        return error(400, "invalid_request_error", "resource_missing", param, "No such " + objectName + ": '" + id + "'");
    }

    /** 404 for a path Stripe does not serve. */
    static ApiError unrecognizedUrl(String method, String path) {
        return error(404, "invalid_request_error", null, null, "Unrecognized request URL (" + method + ": " + path
                + "). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.");
    }

    static ApiError unknownParameter(String param) {
        return error(400, "invalid_request_error", "parameter_unknown", param, "Received unknown parameter: " + param);
    }

    static ApiError invalidInteger(String param, String value) {
        return error(400, "invalid_request_error", null, param, "Invalid integer: " + value);
    }

    static ApiError invalidRequest(String param, String message) {
        return error(400, "invalid_request_error", null, param, message);
    }

    /** 429 beyond the configured rate; stripe-java maps any 429 to RateLimitException. */
    static ApiError rateLimited() {
        return error(429, "invalid_request_error", "rate_limit", null,
                "Request rate limit exceeded. You can learn more about rate limits here https://stripe.com/docs/rate-limits.");
    }

    /** An injected failure: 429 as a lock timeout, otherwise Stripe's generic api_error. */
    static ApiResponse injected(int status) {
        if (status == 429) {
            return body(429, "invalid_request_error", "lock_timeout", null,
                    "This object cannot be accessed right now because another API request or Stripe process is currently "
                            + "accessing it. If you see this error intermittently, retry the request.");
        }
        if (status >= 500) {
            return body(status, "api_error", null, null, "An unknown error occurred");
        }
        return body(status, "invalid_request_error", null, null, "Injected failure (HTTP " + status + ")");
    }

    private static ApiError error(int status, String type, String code, String param, String message) {
        return new ApiError(body(status, type, code, param, message));
    }

    private static ApiResponse body(int status, String type, String code, String param, String message) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        if (code != null) {
            error.put("code", code);
            error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        error.put("type", type);
        return ApiResponse.of(status, root);
    }
}
