package io.tributary.server.db;

/**
 * A stream read by a field a person chose.
 *
 * @param cursorField the field
 * @param afterValue the greatest value of it read so far, as JSON; null before the first read
 */
public record StreamCursorRow(String stream, String cursorField, String afterValue) {
}
