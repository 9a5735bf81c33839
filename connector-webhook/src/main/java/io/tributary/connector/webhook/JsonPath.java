package io.tributary.connector.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A dotted path into a delivery's body, such as {@code data.object.amount} or {@code items.0.price}:
 * each segment is a member name, or an array index when the node there is an array.
 *
 * @param segments the path's segments, at least one
 */
record JsonPath(List<String> segments) {

    /** What a path may look like: member names (letters, digits, _ - $ @ :) joined by dots. */
    static final String PATTERN = "[A-Za-z0-9_$@:-]{1,64}(\\.[A-Za-z0-9_$@:-]{1,64}){0,15}";
    private static final Pattern SYNTAX = Pattern.compile(PATTERN);

    JsonPath {
        segments = List.copyOf(segments);
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException when it does not match {@link #PATTERN}
     */
    static JsonPath parse(String path) {
        if (path == null || !SYNTAX.matcher(path).matches()) {
            throw new IllegalArgumentException("A path is member names joined by dots, such as data.amount or items.0.price");
        }
        return new JsonPath(List.of(path.split("\\.")));
    }

    /** The node at this path, or {@link NullNode} when the body has nothing there. */
    JsonNode in(JsonNode root) {
        JsonNode node = root;
        for (String segment : segments) {
            if (node == null) {
                return NullNode.getInstance();
            }
            node = node.isArray() && segment.chars().allMatch(Character::isDigit) && segment.length() < 10
                    ? node.get(Integer.parseInt(segment)) : node.get(segment);
        }
        return node == null ? NullNode.getInstance() : node;
    }

    @Override
    public String toString() {
        return String.join(".", segments);
    }
}
