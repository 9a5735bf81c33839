-- A stream's backfill, split into creation-time windows read in parallel. Each window keeps its
-- cursor, committed with the page it belongs to, so an interrupted backfill resumes where it
-- stopped instead of starting over.
CREATE TABLE dataset_window (
    data_source_id text        NOT NULL REFERENCES data_source (id) ON DELETE CASCADE,
    stream         text        NOT NULL,
    window_from    timestamptz NOT NULL,        -- '-infinity' for a stream read whole
    window_until   timestamptz NOT NULL,
    cursor         text,                        -- where the next page starts; null before the first
    done           boolean     NOT NULL DEFAULT false,
    objects        bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (data_source_id, stream, window_from)
);
