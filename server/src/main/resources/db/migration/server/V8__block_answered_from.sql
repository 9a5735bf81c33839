-- Where a block's last value came from: 'live' (the provider) or 'mirror' (the dataset mirror).
ALTER TABLE block ADD COLUMN answered_from text;
