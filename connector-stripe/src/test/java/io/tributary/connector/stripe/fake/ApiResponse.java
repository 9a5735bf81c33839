package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What the fake answers: a status and JSON body with extra headers, or a dropped connection.
 *
 * @param status         HTTP status
 * @param body           the JSON body; null for a dropped connection
 * @param headers        headers beyond Content-Type and Request-Id
 * @param dropConnection reset the connection instead of answering
 */
record ApiResponse(int status, JsonNode body, Map<String, String> headers, boolean dropConnection) {

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body, Map.of(), false);
    }

    static ApiResponse of(int status, JsonNode body) {
        return new ApiResponse(status, body, Map.of(), false);
    }

    static ApiResponse connectionReset() {
        return new ApiResponse(0, null, Map.of(), true);
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new ApiResponse(status, body, Map.copyOf(all), dropConnection);
    }
}
