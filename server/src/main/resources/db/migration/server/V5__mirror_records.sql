-- The mirror: objects of a data source's streams, copied into PostgreSQL as datasets.
-- One row per object; writes are idempotent (the same page twice changes nothing) and an older
-- version of an object never overwrites a newer one (events arrive late and twice).
CREATE TABLE dataset_record (
    data_source_id text        NOT NULL REFERENCES data_source (id) ON DELETE CASCADE,
    stream         text        NOT NULL,
    object_id      text        NOT NULL,
    created_at     timestamptz,                 -- the object's creation time, when it has one
    version_at     timestamptz NOT NULL,        -- when this version was observed: an event's time, or the read's
    deleted        boolean     NOT NULL DEFAULT false,
    data           jsonb       NOT NULL,        -- the object as the provider returned it
    synced_at      timestamptz NOT NULL,
    PRIMARY KEY (data_source_id, stream, object_id)
);
CREATE INDEX dataset_record_by_created ON dataset_record (data_source_id, stream, created_at DESC, object_id DESC);
