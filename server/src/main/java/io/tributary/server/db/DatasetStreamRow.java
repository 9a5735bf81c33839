package io.tributary.server.db;

import java.time.Instant;

/**
 * A mirrored stream of a data source: its settings and sync state, as stored.
 *
 * @param mode {@code incremental} or {@code full_refresh}
 * @param startDate only objects created on or after it; null for all
 * @param state {@code backfilling} (a full read is planned or running), {@code synced} or
 *     {@code failed} (the last sync stopped on an error; the next one tries again)
 * @param backfillStartedAt the running or last full read's "now"
 * @param highWater objects created before it have been read
 * @param nextSyncAt when the stream is due
 * @param lastErrorPermission the permission to grant, when the last error was a missing one
 * @param notice what the last sync decided and why, such as a re-backfill
 */
public record DatasetStreamRow(String dataSourceId, String stream, String mode, Instant startDate, int lookbackDays, String state,
                               Instant backfillStartedAt, Instant backfillFinishedAt, Instant highWater, Instant lastSyncAt,
                               Instant nextSyncAt, String lastErrorCode, String lastErrorMessage, String lastErrorPermission,
                               String notice, Instant selectedAt) {

    public static final String INCREMENTAL = "incremental";
    public static final String FULL_REFRESH = "full_refresh";
    public static final String BACKFILLING = "backfilling";
    public static final String SYNCED = "synced";
    public static final String FAILED = "failed";

    public boolean incremental() {
        return INCREMENTAL.equals(mode);
    }

    /** Whether the stream's first full read is over, so changes and new objects keep it current. */
    public boolean backfilled() {
        return backfillFinishedAt != null && !BACKFILLING.equals(state);
    }
}
