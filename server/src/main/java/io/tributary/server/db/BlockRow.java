package io.tributary.server.db;

import java.time.Instant;

/**
 * A row of {@code block}; JSON columns as text.
 *
 * @param answeredFrom where the last value came from: {@code live} or {@code mirror}; null before the first
 */
public record BlockRow(String id, String workspaceId, String dataSourceId, String queryType, String queryParams, String projection,
                       String widgetTemplate, String widgetData, String lastResult, Instant lastRefreshAt, String lastErrorCode,
                       String lastErrorMessage, Instant createdAt, Instant updatedAt, String answeredFrom) {
}
