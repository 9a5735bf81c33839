package io.tributary.connector.stripe.fake;

/**
 * A parsed request.
 *
 * @param method        GET, POST, ...
 * @param path          the path without the query
 * @param params        the query parameters
 * @param authorization the Authorization header, or null
 */
record ApiCall(String method, String path, QueryParams params, String authorization) {

    /** Splits a request URL ({@code /v1/customers?limit=3}) into path and parameters. */
    static ApiCall of(String method, String url, String authorization) {
        int question = url.indexOf('?');
        String path = question < 0 ? url : url.substring(0, question);
        String query = question < 0 ? null : url.substring(question + 1);
        return new ApiCall(method, path, QueryParams.parse(query), authorization);
    }
}
