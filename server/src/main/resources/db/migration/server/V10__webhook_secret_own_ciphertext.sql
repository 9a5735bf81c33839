-- The webhook signing secret gets a ciphertext of its own (its own associated data), so verifying
-- a delivery opens that secret alone and never the API key. Sources saved before this keep the
-- secret inside `credentials` until the server's start-up moves it (has_webhook_secret and no
-- webhook_secret); from then on has_webhook_secret = (webhook_secret IS NOT NULL).
ALTER TABLE data_source ADD COLUMN webhook_secret text;

-- Deliveries refused for a bad, missing or stale signature: counted, never stored.
ALTER TABLE data_source ADD COLUMN webhooks_refused bigint NOT NULL DEFAULT 0;
ALTER TABLE data_source ADD COLUMN webhook_last_refused_at timestamptz;
