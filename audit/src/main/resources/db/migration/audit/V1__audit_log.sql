-- Audit log: who did what, when, provably.
--
-- audit_event is append-only and hash-chained per workspace: every row stores the hash of the
-- previous row of its workspace (prev_hash) and its own hash, SHA-256 over prev_hash and a
-- canonical encoding of all its fields (see io.tributary.audit.EventHasher).
-- audit_chain_head holds, per workspace, the last seq and hash, sealed with an HMAC whose key
-- never enters the database (see io.tributary.audit.HeadSealer).

CREATE TABLE audit_event (
    workspace   text        NOT NULL,                  -- opaque workspace id; one chain per workspace
    seq         bigint      NOT NULL,                  -- 1, 2, 3, ... per workspace, no gaps
    occurred_at timestamptz NOT NULL,                  -- from the application's Clock, microsecond precision
    actor       text        NOT NULL,                  -- admin | token:<id> | system:<name>
    action      text        NOT NULL,                  -- e.g. credential.decrypt, data_source.create
    target      text,                                  -- e.g. data_source:ds_123; null when there is none
    detail      jsonb       NOT NULL DEFAULT '{}',     -- small string map; never secrets
    prev_hash   bytea       NOT NULL,                  -- hash of row seq-1 (32 zero bytes for seq 1)
    hash        bytea       NOT NULL,                  -- SHA-256 over prev_hash and every field above
    PRIMARY KEY (workspace, seq),
    CONSTRAINT audit_event_seq_positive CHECK (seq >= 1),
    CONSTRAINT audit_event_hashes_are_sha256 CHECK (octet_length(prev_hash) = 32 AND octet_length(hash) = 32),
    CONSTRAINT audit_event_detail_is_object CHECK (jsonb_typeof(detail) = 'object')
);

-- Queries filter by workspace plus actor, action or time and page in seq order.
CREATE INDEX audit_event_by_actor  ON audit_event (workspace, actor, seq);
CREATE INDEX audit_event_by_action ON audit_event (workspace, action, seq);
CREATE INDEX audit_event_by_time   ON audit_event (workspace, occurred_at);

-- The chain head is updated on every append, so it cannot be append-only. That is safe because
-- its mac (HMAC-SHA256 over workspace, last_seq and last_hash) can only be computed by the
-- application: an edited head, or a head moved back after deleting the tail, fails verification.
-- Appends lock this row (SELECT ... FOR UPDATE), which serialises appends per workspace.
CREATE TABLE audit_chain_head (
    workspace text   PRIMARY KEY,
    last_seq  bigint NOT NULL CHECK (last_seq >= 0),   -- 0 until the first event
    last_hash bytea  NOT NULL CHECK (octet_length(last_hash) = 32),
    mac       bytea  NOT NULL CHECK (octet_length(mac) = 32)
);

-- Refuses a statement outright. Statement-level, so it fires even when no row matches.
CREATE FUNCTION audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER audit_event_refuse_update_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_event_refuse_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The head may be updated (every append does) but never removed.
CREATE TRIGGER audit_chain_head_refuse_delete
    BEFORE DELETE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_chain_head_refuse_truncate
    BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
