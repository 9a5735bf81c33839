-- Which full read last saw each object (the read's start, used as its id): a full read that is
-- over marks the objects it did not see as deleted by comparing ids, not times, so a server clock
-- that steps back during a read cannot make it mark live objects deleted. seen_at stays as the
-- time of the last sighting, for people; nothing compares it any more.
ALTER TABLE dataset_record ADD COLUMN seen_by_read timestamptz;
