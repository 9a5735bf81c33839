-- Data keys that can be rotated (bin/tributary rotate-data-keys), source by source. While a
-- workspace's rotation runs, next_data_key holds the new key: new ciphertexts are written under it,
-- each source is re-encrypted under it in a transaction of its own, and once every source is under
-- it, it replaces data_key in one transaction and the old key is stored nowhere. A rotation stopped
-- midway resumes with the same next key.
ALTER TABLE workspace ADD COLUMN next_data_key text;

-- The data key a source's ciphertexts are under: the id the ciphertext names itself
-- (v1.<dataKeyId>.<payload>), so it cannot drift from what is stored. Both ciphertexts of a source
-- are always written together, under one key.
ALTER TABLE data_source ADD COLUMN data_key_id text GENERATED ALWAYS AS (split_part(credentials, '.', 2)) STORED;
ALTER TABLE data_source ADD CONSTRAINT data_source_ciphertexts_under_one_key
    CHECK (webhook_secret IS NULL OR split_part(webhook_secret, '.', 2) = split_part(credentials, '.', 2));
CREATE INDEX data_source_by_data_key ON data_source (workspace_id, data_key_id);

-- The version of a source's ciphertexts, bound into their associated data, so an older ciphertext
-- copied back into the row no longer opens: 1 on creation, one more on every rewrite (new
-- credentials, a re-encryption). Sources stored before are version 0, the unversioned associated
-- data, until the server's start-up rewrites them.
ALTER TABLE data_source ADD COLUMN credential_version integer NOT NULL DEFAULT 0 CHECK (credential_version >= 0);

-- The version never goes down, so the role the server runs as cannot roll a row back to an older
-- ciphertext together with its version (it owns nothing, so it cannot drop or disable this).
CREATE FUNCTION data_source_credential_version_never_decreases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.credential_version < OLD.credential_version THEN
        RAISE EXCEPTION 'data source %: credential_version may not go down (from % to %)',
            OLD.id, OLD.credential_version, NEW.credential_version USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER data_source_credential_version_never_decreases BEFORE UPDATE OF credential_version ON data_source
    FOR EACH ROW EXECUTE FUNCTION data_source_credential_version_never_decreases();
