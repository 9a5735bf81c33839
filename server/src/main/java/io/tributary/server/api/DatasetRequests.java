package io.tributary.server.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Request bodies about datasets: which streams a data source mirrors, and how. */
public final class DatasetRequests {

    private DatasetRequests() {
    }

    /**
     * One stream to mirror.
     *
     * @param stream the stream's name, or {@code *} for every stream the credentials can read
     * @param mode {@code incremental} (the default where the stream supports it) or {@code full_refresh}
     * @param startDate only objects created on or after it: a date ({@code 2024-01-01}, midnight UTC)
     *     or an instant; left out, all objects
     * @param lookbackDays objects created in the last this many days are read again on every sync,
     *     because objects change after creation; 0 to 365, default 0
     * @param cursorField read the stream incrementally by this field (one of the stream's
     *     {@code cursorChoices}, such as {@code updated_at}): each sync reads what grew past the
     *     greatest value read before; left out, the stream's own way
     * @param key the fields that identify a record, for a stream with no key of its own (a database
     *     view: one or more of its {@code keyChoices}); required for such a stream, refused otherwise
     */
    @Schema(name = "DatasetSelection")
    public record Selection(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String stream,
                            String mode,
                            String startDate,
                            Integer lookbackDays,
                            String cursorField,
                            List<String> key) {

        /** A selection without a chosen cursor or key. */
        public Selection(String stream, String mode, String startDate, Integer lookbackDays) {
            this(stream, mode, startDate, lookbackDays, null, null);
        }
    }

    /** {@code PUT /api/v1/data-sources/{id}/datasets}: the whole selection; streams left out stop being mirrored. */
    @Schema(name = "SelectDatasetsRequest")
    public record Select(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Selection> datasets) {
    }
}
