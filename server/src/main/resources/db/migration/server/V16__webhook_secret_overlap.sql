-- A replaced webhook signing secret, still accepted beside the new one until the overlap ends: its
-- ciphertext as it was sealed, and the credential version bound into it.
ALTER TABLE data_source ADD COLUMN previous_webhook_secret text;
ALTER TABLE data_source ADD COLUMN previous_webhook_secret_version integer;
ALTER TABLE data_source ADD COLUMN previous_webhook_secret_until timestamptz;
