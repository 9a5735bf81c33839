package io.tributary.server.api;

import java.util.Map;

/** Request bodies of the data source endpoints. */
public final class DataSourceRequests {

    private DataSourceRequests() {
    }

    /**
     * {@code POST /api/v1/data-sources}.
     *
     * @param credentials the connector's credential fields, such as {@code apiKey} and
     *     {@code webhookSecret} (snake_case names are accepted too)
     */
    public record Create(String type, String label, Map<String, String> credentials, Integer cadenceMinutes) {
    }

    /** {@code PATCH /api/v1/data-sources/{id}}: fields left out stay as they are. */
    public record Patch(String label, Integer cadenceMinutes, Map<String, String> credentials) {
    }
}
