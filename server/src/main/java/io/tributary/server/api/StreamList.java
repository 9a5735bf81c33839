package io.tributary.server.api;

import java.util.List;

/** {@code GET /api/v1/data-sources/{id}/streams}: the streams a data source can mirror. */
public record StreamList(List<ConnectorView.StreamView> streams) {
}
