package io.tributary.connector.stripe.fake;

/** Ends request handling with an error response; thrown from anywhere below the handler. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiResponse response;

    ApiError(ApiResponse response) {
        super(response.body() == null ? "connection reset" : response.body().toString(), null, false, false);
        this.response = response;
    }

    ApiResponse response() {
        return response;
    }
}
