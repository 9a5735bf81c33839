package io.tributary.server.api;

import java.util.List;

/** {@code GET /api/v1/data-sources}: the caller's workspace's data sources. */
public record DataSourceList(List<DataSourceView> dataSources) {
}
