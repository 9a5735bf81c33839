package io.tributary.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /api/v1/blocks} and {@code PUT /api/v1/blocks/{id}}: a widget bound to a query.
 *
 * @param binding which query feeds the widget, and how its result is projected into widget data
 * @param widget the widget's template and its static data
 */
public record BlockRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Binding binding, Widget widget) {

    /**
     * @param dataSourceId the data source to query
     * @param queryConfig the query type and its parameters
     * @param projection {@code {"fields": {...}}}: widget fields from the result
     */
    @Schema(name = "BlockBinding")
    public record Binding(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String dataSourceId,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) QueryConfig queryConfig,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) JsonNode projection) {
    }

    /** A query type of the source's connector ({@code <type>.<query>}) and its parameters. */
    public record QueryConfig(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String type, JsonNode params) {
    }

    /**
     * @param template the widget's template name, for the app that renders it
     * @param data the widget's data: static values, with projected fields written over them
     */
    @Schema(name = "BlockWidget")
    public record Widget(String template, JsonNode data) {
    }
}
