-- Several named tokens per workspace: each with a scope (admin: everything in the workspace; read:
-- reading blocks only, for the apps that display widgets), an optional expiry, and when it was
-- last used (written at most once a minute). Tokens issued before are the workspace's admin token.
ALTER TABLE api_token ADD COLUMN name text NOT NULL DEFAULT 'default';
ALTER TABLE api_token ADD COLUMN scope text NOT NULL DEFAULT 'admin' CHECK (scope IN ('admin', 'read'));
ALTER TABLE api_token ADD COLUMN expires_at timestamptz;
ALTER TABLE api_token ADD COLUMN last_used_at timestamptz;
ALTER TABLE api_token ALTER COLUMN name DROP DEFAULT;
ALTER TABLE api_token ALTER COLUMN scope DROP DEFAULT;
