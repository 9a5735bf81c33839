-- Blocks: widgets bound to a query on a data source, and the widget data the server keeps fresh.
CREATE TABLE block (
    id                 text        PRIMARY KEY,     -- opaque, blk_...
    workspace_id       text        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    -- Deleting a data source deletes its blocks, their data and their cached results.
    data_source_id     text        NOT NULL REFERENCES data_source (id) ON DELETE CASCADE,
    query_type         text        NOT NULL,
    query_params       jsonb       NOT NULL,        -- validated against the query type when saved
    projection         jsonb       NOT NULL,        -- validated against the query type's result fields
    widget_template    text        NOT NULL,
    widget_data        jsonb       NOT NULL,        -- the user's static data with the projected fields over it
    last_result        jsonb,                       -- the last raw query result, cached
    last_refresh_at    timestamptz,
    last_error_code    text,
    last_error_message text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX block_by_workspace ON block (workspace_id, created_at, id);
CREATE INDEX block_by_data_source ON block (data_source_id);

-- Each change of a block's widget data, for charts over time.
CREATE TABLE block_value (
    block_id    text        NOT NULL REFERENCES block (id) ON DELETE CASCADE,
    recorded_at timestamptz NOT NULL,
    widget_data jsonb       NOT NULL,
    PRIMARY KEY (block_id, recorded_at)
);
