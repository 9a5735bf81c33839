package io.tributary.server.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/blocks} and {@code PUT /api/v1/blocks/{id}}: a widget bound to a query.
 *
 * @param binding which query feeds the widget, and how its result is projected into widget data
 * @param widget the widget's template and its static data
 */
public record BlockRequest(Binding binding, Widget widget) {

    /**
     * @param dataSourceId the data source to query
     * @param queryConfig the query type and its parameters
     * @param projection {@code {"fields": {...}}}: widget fields from the result
     */
    public record Binding(String dataSourceId, QueryConfig queryConfig, JsonNode projection) {
    }

    /** A query type of the source's connector ({@code <type>.<query>}) and its parameters. */
    public record QueryConfig(String type, JsonNode params) {
    }

    /**
     * @param template the widget's template name, for the app that renders it
     * @param data the widget's data: static values, with projected fields written over them
     */
    public record Widget(String template, JsonNode data) {
    }
}
