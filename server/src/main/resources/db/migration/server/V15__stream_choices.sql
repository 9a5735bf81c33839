-- What a person chose for a stream (SPI 2.2): the field to read it by incrementally, with the
-- greatest value of it read so far (JSON, as the records carried it; null before the first read),
-- and the fields that identify its records when it has no key of its own (a JSON array).
CREATE TABLE dataset_stream_choice (
    data_source_id text NOT NULL,
    stream         text NOT NULL,
    cursor_field   text,
    after_value    text,
    key_fields     text,
    PRIMARY KEY (data_source_id, stream),
    FOREIGN KEY (data_source_id, stream) REFERENCES dataset_stream (data_source_id, stream) ON DELETE CASCADE,
    CHECK (cursor_field IS NOT NULL OR key_fields IS NOT NULL)
);
