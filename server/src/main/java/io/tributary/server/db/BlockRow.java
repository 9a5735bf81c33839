package io.tributary.server.db;

import java.time.Instant;

/**
 * A row of {@code block}; JSON columns as text.
 *
 * @param answeredFrom where the last value came from; null before the first
 */
public record BlockRow(String id, String workspaceId, String dataSourceId, String queryType, String queryParams, String projection,
                       String widgetTemplate, String widgetData, String lastResult, Instant lastRefreshAt, String lastErrorCode,
                       String lastErrorMessage, Instant createdAt, Instant updatedAt, AnsweredFrom answeredFrom) {

    /** The block after a refresh that answered: the new widget data and result, where they came from, and no error. */
    public BlockRow withAnswer(String newWidgetData, String result, AnsweredFrom from, Instant at) {
        return new BlockRow(id, workspaceId, dataSourceId, queryType, queryParams, projection, widgetTemplate, newWidgetData, result, at,
                null, null, createdAt, at, from);
    }

    /** The block after a refresh that failed: the last value stays, with the error beside it. */
    public BlockRow withError(String code, String message, Instant at) {
        return new BlockRow(id, workspaceId, dataSourceId, queryType, queryParams, projection, widgetTemplate, widgetData, lastResult,
                lastRefreshAt, code, message, createdAt, at, answeredFrom);
    }

    /** The block bound anew: what it showed before belongs to the old binding, so nothing is refreshed yet. */
    public BlockRow withBinding(String newDataSourceId, String newQueryType, String newQueryParams, String newProjection,
                                String newWidgetTemplate, String newWidgetData, Instant at) {
        return new BlockRow(id, workspaceId, newDataSourceId, newQueryType, newQueryParams, newProjection, newWidgetTemplate, newWidgetData,
                null, null, null, null, createdAt, at, null);
    }
}
