-- The streams a source's connector discovered for it (a database's tables), as JSON descriptors;
-- null for a connector whose streams are the same for every source.
ALTER TABLE data_source ADD COLUMN streams jsonb;
