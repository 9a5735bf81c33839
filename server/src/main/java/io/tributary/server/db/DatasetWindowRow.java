package io.tributary.server.db;

import java.time.Instant;

/**
 * A backfill's creation-time window of a stream, as {@code dataset_window} stores its progress.
 *
 * @param cursor where the next page starts; null before the first page
 * @param objects objects read from it so far
 * @param reached the oldest creation time read from it so far (lists run newest first); null before any
 */
public record DatasetWindowRow(Instant windowFrom, Instant windowUntil, String cursor, boolean done, long objects, Instant reached) {
}
