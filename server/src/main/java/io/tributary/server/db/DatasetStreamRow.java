package io.tributary.server.db;

import java.time.Instant;

/**
 * A mirrored stream of a data source: its settings and sync state, as stored. Changed with the
 * {@code with...} copies, each of which names what it changes.
 *
 * @param startDate only objects created on or after it; null for all
 * @param backfillStartedAt the running or last full read's "now"
 * @param highWater objects created before it have been read
 * @param nextSyncAt when the stream is due
 * @param lastErrorPermission the permission to grant, when the last error was a missing one
 * @param notice what the last sync decided and why, such as a re-backfill
 * @param selectedAt when the stream was last selected (or asked to resync): a sync started before saves nothing over it
 */
public record DatasetStreamRow(String dataSourceId, String stream, StreamMode mode, Instant startDate, int lookbackDays,
                               StreamState state, Instant backfillStartedAt, Instant backfillFinishedAt, Instant highWater,
                               Instant lastSyncAt, Instant nextSyncAt, String lastErrorCode, String lastErrorMessage,
                               String lastErrorPermission, String notice, Instant selectedAt) {

    /** A stream just selected: its backfill is due at once. */
    public static DatasetStreamRow selected(String dataSourceId, String stream, StreamMode mode, Instant startDate, int lookbackDays,
                                            Instant now) {
        return new DatasetStreamRow(dataSourceId, stream, mode, startDate, lookbackDays, StreamState.BACKFILLING, null, null, null, null,
                now, null, null, null, null, now);
    }

    public boolean incremental() {
        return mode == StreamMode.INCREMENTAL;
    }

    /** Whether the stream's first full read is over, so changes and new objects keep it current. */
    public boolean backfilled() {
        return backfillFinishedAt != null && state != StreamState.BACKFILLING;
    }

    public DatasetStreamRow withLookbackDays(int days) {
        return new DatasetStreamRow(dataSourceId, stream, mode, startDate, days, state, backfillStartedAt, backfillFinishedAt, highWater,
                lastSyncAt, nextSyncAt, lastErrorCode, lastErrorMessage, lastErrorPermission, notice, selectedAt);
    }

    public DatasetStreamRow withState(StreamState newState) {
        return new DatasetStreamRow(dataSourceId, stream, mode, startDate, lookbackDays, newState, backfillStartedAt, backfillFinishedAt,
                highWater, lastSyncAt, nextSyncAt, lastErrorCode, lastErrorMessage, lastErrorPermission, notice, selectedAt);
    }

    /** @param startedAt the full read's "now"; null when the next one is yet to start */
    public DatasetStreamRow withBackfill(Instant startedAt, Instant finishedAt) {
        return new DatasetStreamRow(dataSourceId, stream, mode, startDate, lookbackDays, state, startedAt, finishedAt, highWater,
                lastSyncAt, nextSyncAt, lastErrorCode, lastErrorMessage, lastErrorPermission, notice, selectedAt);
    }

    public DatasetStreamRow withHighWater(Instant newHighWater) {
        return new DatasetStreamRow(dataSourceId, stream, mode, startDate, lookbackDays, state, backfillStartedAt, backfillFinishedAt,
                newHighWater, lastSyncAt, nextSyncAt, lastErrorCode, lastErrorMessage, lastErrorPermission, notice, selectedAt);
    }

    public DatasetStreamRow withLastSyncAt(Instant at) {
        return new DatasetStreamRow(dataSourceId, stream, mode, startDate, lookbackDays, state, backfillStartedAt, backfillFinishedAt,
                highWater, at, nextSyncAt, lastErrorCode, lastErrorMessage, lastErrorPermission, notice, selectedAt);
    }

    public DatasetStreamRow withNextSyncAt(Instant at) {
        return new DatasetStreamRow(dataSourceId, stream, mode, startDate, lookbackDays, state, backfillStartedAt, backfillFinishedAt,
                highWater, lastSyncAt, at, lastErrorCode, lastErrorMessage, lastErrorPermission, notice, selectedAt);
    }

    /** @param permission the permission to grant, when the error is a missing one; else null */
    public DatasetStreamRow withError(String code, String message, String permission) {
        return new DatasetStreamRow(dataSourceId, stream, mode, startDate, lookbackDays, state, backfillStartedAt, backfillFinishedAt,
                highWater, lastSyncAt, nextSyncAt, code, message, permission, notice, selectedAt);
    }

    public DatasetStreamRow withoutError() {
        return withError(null, null, null);
    }

    public DatasetStreamRow withNotice(String newNotice) {
        return new DatasetStreamRow(dataSourceId, stream, mode, startDate, lookbackDays, state, backfillStartedAt, backfillFinishedAt,
                highWater, lastSyncAt, nextSyncAt, lastErrorCode, lastErrorMessage, lastErrorPermission, newNotice, selectedAt);
    }

    public DatasetStreamRow withSelectedAt(Instant at) {
        return new DatasetStreamRow(dataSourceId, stream, mode, startDate, lookbackDays, state, backfillStartedAt, backfillFinishedAt,
                highWater, lastSyncAt, nextSyncAt, lastErrorCode, lastErrorMessage, lastErrorPermission, notice, at);
    }
}
