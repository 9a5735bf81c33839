-- The streams a data source mirrors, each with its settings and sync state.
CREATE TABLE dataset_stream (
    data_source_id        text        NOT NULL REFERENCES data_source (id) ON DELETE CASCADE,
    stream                text        NOT NULL,
    mode                  text        NOT NULL CHECK (mode IN ('incremental', 'full_refresh')),
    start_date            timestamptz,                 -- only objects created on or after it; null: all
    lookback_days         integer     NOT NULL DEFAULT 0 CHECK (lookback_days BETWEEN 0 AND 365),
    state                 text        NOT NULL CHECK (state IN ('backfilling', 'synced', 'failed')),
    backfill_started_at   timestamptz,                 -- the running (or last) full read's start: its "now"
    backfill_finished_at  timestamptz,
    high_water            timestamptz,                 -- objects created before it have been read
    last_sync_at          timestamptz,
    next_sync_at          timestamptz NOT NULL,        -- when the stream is due: the due check schedules it
    last_error_code       text,
    last_error_message    text,
    last_error_permission text,
    notice                text,                        -- what the last sync decided and why (a re-backfill, ...)
    selected_at           timestamptz NOT NULL,
    PRIMARY KEY (data_source_id, stream)
);
CREATE INDEX dataset_stream_due ON dataset_stream (next_sync_at);

-- Where a source's change feed stands: changes after it have not been applied yet.
CREATE TABLE dataset_feed (
    data_source_id text        PRIMARY KEY REFERENCES data_source (id) ON DELETE CASCADE,
    cursor         text        NOT NULL,
    updated_at     timestamptz NOT NULL
);

-- When a full read last saw each object, so a full read that is over can mark the objects it did
-- not see as deleted.
ALTER TABLE dataset_record ADD COLUMN seen_at timestamptz;
UPDATE dataset_record SET seen_at = synced_at;
ALTER TABLE dataset_record ALTER COLUMN seen_at SET NOT NULL;

-- How far back a window's read has reached (the creation time of the last object read), for the
-- progress estimate.
ALTER TABLE dataset_window ADD COLUMN reached timestamptz;

-- Dataset pages run newest first; objects without a creation time (child streams) sort last, by id.
DROP INDEX dataset_record_by_created;
CREATE INDEX dataset_record_page ON dataset_record
    (data_source_id, stream, (coalesce(created_at, '-infinity'::timestamptz)) DESC, object_id DESC);
