-- A stream a person chose to read by one of its fields (SPI 2.2 cursor choices), and the greatest
-- value of it read so far (JSON, as the records carried it; null before the first read).
CREATE TABLE dataset_stream_cursor (
    data_source_id text NOT NULL,
    stream         text NOT NULL,
    cursor_field   text NOT NULL,
    after_value    text,
    PRIMARY KEY (data_source_id, stream),
    FOREIGN KEY (data_source_id, stream) REFERENCES dataset_stream (data_source_id, stream) ON DELETE CASCADE
);
