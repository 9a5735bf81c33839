-- Each block's numeric widget values over time, one row per field and point: a refresh writes a
-- 'raw' point; compaction folds raw points older than 7 days into one per hour, and hourly points
-- older than 90 days into one per day, keeping the last value with the minimum and maximum.
CREATE TABLE block_history (
    block_id      text        NOT NULL REFERENCES block (id) ON DELETE CASCADE,
    field         text        NOT NULL,
    resolution    text        NOT NULL CHECK (resolution IN ('raw', 'hour', 'day')),
    at            timestamptz NOT NULL,   -- the point's time; for an hour or a day, its start
    last_at       timestamptz NOT NULL,   -- when its last value was taken
    last_value    numeric     NOT NULL,
    min_value     numeric     NOT NULL,
    max_value     numeric     NOT NULL,
    points        integer     NOT NULL,
    answered_from text        NOT NULL,   -- where the last value came from: mirror or live
    PRIMARY KEY (block_id, field, resolution, at)
);
CREATE INDEX block_history_by_time ON block_history (resolution, at);
