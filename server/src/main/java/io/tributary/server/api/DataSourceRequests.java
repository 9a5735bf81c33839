package io.tributary.server.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
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
     * @param datasets the streams to mirror into datasets (see {@link DatasetRequests.Selection});
     *     left out, none: the response's {@code permissions} list which streams the key can read
     */
    @Schema(name = "CreateDataSourceRequest")
    public record Create(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String type,
                         String label,
                         Map<String, String> credentials,
                         Integer cadenceMinutes,
                         List<DatasetRequests.Selection> datasets) {
    }

    /**
     * {@code PATCH /api/v1/data-sources/{id}}: fields left out stay as they are.
     *
     * @param datasets when given, the whole new selection of streams to mirror
     */
    @Schema(name = "PatchDataSourceRequest")
    public record Patch(String label, Integer cadenceMinutes, Map<String, String> credentials,
                        List<DatasetRequests.Selection> datasets) {
    }
}
