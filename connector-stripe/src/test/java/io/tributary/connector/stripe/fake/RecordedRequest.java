package io.tributary.connector.stripe.fake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the fake received.
 *
 * @param method   GET, POST, ...
 * @param path     the path without the query, such as {@code /v1/subscriptions}
 * @param query    decoded query parameters as sent, such as {@code created[gte] -> [1700000000]}
 * @param apiKey   the key sent (Bearer or Basic), or null
 * @param endpoint the endpoint rate limits count against: method and path template
 *                 ({@code GET /v1/customers/{id}})
 * @param status   the status answered; 0 for a dropped connection
 * @param time     when it arrived (wall clock, for tests that measure rates)
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> query, String apiKey, String endpoint,
        int status, Instant time) {
}
