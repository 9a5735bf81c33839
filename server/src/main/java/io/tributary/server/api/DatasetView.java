package io.tributary.server.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tributary.server.db.StreamMode;
import io.tributary.server.db.StreamState;
import java.time.Instant;

/**
 * A mirrored stream and its sync state, as the API shows it.
 *
 * @param state {@code backfilling} (a full read is running or waiting to resume), {@code synced} or
 *     {@code failed}
 * @param cursor objects created before this instant have been read; null before the first backfill ends
 * @param objects live (not deleted) objects in the mirror
 * @param progress the running full read's progress; null when none runs
 * @param lastError why the last sync of this stream failed; null when it did not
 * @param notice what the last sync decided and why, such as a re-backfill
 * @param cursorField the field the stream is read by, when a person chose one; null otherwise
 * @param key the fields a person chose to identify the stream's records; null when it has its own key
 */
public record DatasetView(String stream,
                          StreamMode mode,
                          @Schema(nullable = true) Instant startDate,
                          int lookbackDays,
                          StreamState state,
                          @Schema(nullable = true) Instant cursor,
                          @Schema(nullable = true) Instant lastSyncAt,
                          @Schema(nullable = true) Instant nextSyncAt,
                          long objects,
                          @Schema(nullable = true) Progress progress,
                          @Schema(nullable = true) SyncError lastError,
                          @Schema(nullable = true) String notice,
                          @Schema(nullable = true) String cursorField,
                          @Schema(nullable = true) java.util.List<String> key) {

    /**
     * How far a full read has come, and an estimate of what is left.
     *
     * @param windows how many creation-time windows the read is split into now
     * @param windowsDone how many of them are read to the end
     * @param objectsRead objects read so far
     * @param reached the oldest creation time read so far, or null before any
     * @param estimatedRemaining objects estimated to be left; null while nothing was read
     */
    @Schema(name = "BackfillProgress")
    public record Progress(int windows,
                           int windowsDone,
                           long objectsRead,
                           @Schema(nullable = true) Instant reached,
                           @Schema(nullable = true) Long estimatedRemaining) {
    }

    /**
     * @param permission the permission to grant, when one is missing
     */
    @Schema(name = "DatasetSyncError")
    public record SyncError(String code, String message, @Schema(nullable = true) String permission) {
    }
}
