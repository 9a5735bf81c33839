-- The plain credential fields a connector needs to verify a delivery (such as its signature scheme),
-- kept beside the signing secret so verification opens no other credential. Never secret.
ALTER TABLE data_source ADD COLUMN webhook_fields jsonb NOT NULL DEFAULT '{}'::jsonb;

-- A pushed stream (SPI 2.2) arrives in webhook deliveries: it is kept, never read.
ALTER TABLE dataset_stream DROP CONSTRAINT dataset_stream_mode_check;
ALTER TABLE dataset_stream ADD CONSTRAINT dataset_stream_mode_check CHECK (mode IN ('incremental', 'full_refresh', 'pushed'));
