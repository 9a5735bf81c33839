package io.tributary.server.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * What a person chose for one stream.
 *
 * @param cursorField the field to read it by incrementally, or null
 * @param afterValue the greatest value of it read so far, as JSON; null before the first read
 * @param keyFields the fields identifying its records, as a JSON array; null when it has its own key
 */
public record StreamChoiceRow(String stream, String cursorField, String afterValue, String keyFields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The chosen key's fields, in order; empty when the stream has its own key. */
    public List<String> key() {
        return keyFields == null ? List.of() : read(keyFields);
    }

    /** A key as stored: a JSON array, or null for none. */
    public static String keyJson(List<String> key) {
        try {
            return key == null || key.isEmpty() ? null : JSON.writeValueAsString(key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored key is not a JSON array of names", e);
        }
    }
}
