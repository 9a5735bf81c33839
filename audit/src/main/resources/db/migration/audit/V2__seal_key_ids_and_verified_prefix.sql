-- Heads name the seal key that sealed them, so the key can be rotated: a head sealed under an
-- older key still verifies, and the next append reseals it under the current one. Heads sealed
-- before keys had ids were sealed by the key called 'initial'.
ALTER TABLE audit_chain_head ADD COLUMN key_id text NOT NULL DEFAULT 'initial';
ALTER TABLE audit_chain_head ALTER COLUMN key_id DROP DEFAULT;

-- How far each chain was last verified: the seq and its hash, sealed like a head (the MAC covers
-- workspace, seq and hash under another domain), so the next verification reads only the rows
-- after it. A row edited or a seal broken makes verification fall back to the whole chain.
CREATE TABLE audit_verified (
    workspace   text        PRIMARY KEY,
    seq         bigint      NOT NULL CHECK (seq >= 1),
    hash        bytea       NOT NULL CHECK (octet_length(hash) = 32),
    key_id      text        NOT NULL,
    mac         bytea       NOT NULL CHECK (octet_length(mac) = 32),
    verified_at timestamptz NOT NULL
);
