package io.tributary.server.db;

import java.time.Instant;

/**
 * One version of one mirrored object, as {@code dataset_record} stores it; its JSON as text.
 *
 * @param createdAt the object's creation time, or null when it has none
 * @param versionAt when this version was observed: the mirror keeps the newest
 */
public record DatasetRecordRow(String stream, String objectId, Instant createdAt, Instant versionAt, boolean deleted, String data) {
}
