package io.tributary.server.api;

import java.util.List;

/** {@code GET} and {@code PUT /api/v1/data-sources/{id}/datasets}: the streams a data source mirrors. */
public record DatasetList(List<DatasetView> datasets) {
}
