-- Tributary's own tables. The audit log has its own migrations (module audit) and the
-- scheduler's tables come in a later migration.

-- Keys the server keeps for itself (such as the audit log's seal key), wrapped by the master key
-- exactly like workspace data keys, so a master key rotation rewraps them too.
CREATE TABLE server_secret (
    name        text        PRIMARY KEY,
    wrapped_key text        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE workspace (
    id         text        PRIMARY KEY,             -- opaque, ws_...
    name       text        NOT NULL,
    plan       text        NOT NULL,                -- a plan of the server configuration
    data_key   text        NOT NULL,                -- the workspace's data key, wrapped by the master key
    created_at timestamptz NOT NULL
);

-- API tokens: trb_<id>_<secret>; only a SHA-256 of the secret is kept.
CREATE TABLE api_token (
    id           text        PRIMARY KEY,
    workspace_id text        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    secret_hash  bytea       NOT NULL CHECK (octet_length(secret_hash) = 32),
    created_at   timestamptz NOT NULL
);
CREATE INDEX api_token_by_workspace ON api_token (workspace_id);

CREATE TABLE data_source (
    id                 text        PRIMARY KEY,     -- opaque, ds_...
    workspace_id       text        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    type               text        NOT NULL,        -- the connector's type id
    label              text        NOT NULL,
    cadence_minutes    integer     NOT NULL CHECK (cadence_minutes IN (5, 15, 60, 360, 1440)),
    -- Every credential field in one ciphertext, so one use is one decryption and one audit row.
    credentials        text        NOT NULL,
    -- Per secret field only its kind and last four characters, for display.
    credential_hints   jsonb       NOT NULL,
    has_webhook_secret boolean     NOT NULL,
    status             text        NOT NULL CHECK (status IN ('active', 'error')),
    account_id         text,
    livemode           boolean,
    permissions        jsonb       NOT NULL DEFAULT '[]',   -- capability report of the last validation
    last_refresh_at    timestamptz,
    last_error_message text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX data_source_by_workspace ON data_source (workspace_id, created_at, id);
