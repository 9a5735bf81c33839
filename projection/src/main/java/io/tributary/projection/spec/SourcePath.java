package io.tributary.projection.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path into a query result, such as {@code charges[0].amount_cents}: a key, then any mix of
 * {@code .key} and {@code [index]}. The empty path is the scope itself (the result, or the current list
 * element); it cannot be written in a spec but is the parent of a one-key path.
 */
public record SourcePath(List<Segment> segments) {

    /** The scope itself. */
    public static final SourcePath ROOT = new SourcePath(List.of());

    /** One step of a path. */
    public sealed interface Segment permits Key, Index {}

    /** Reads a property of an object. */
    public record Key(String name) implements Segment {
        public Key {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.chars().anyMatch(SourcePath::isReserved)) {
                throw new IllegalArgumentException("Invalid path key '" + name + "'");
            }
        }
    }

    /** Reads an element of an array, counting from zero. */
    public record Index(int index) implements Segment {
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("A path index cannot be negative: " + index);
            }
        }
    }

    public SourcePath {
        segments = List.copyOf(Objects.requireNonNull(segments, "segments"));
        if (!segments.isEmpty() && !(segments.get(0) instanceof Key)) {
            throw new IllegalArgumentException("A path must start with a key");
        }
    }

    /**
     * Parses the written form.
     *
     * @throws IllegalArgumentException with a message fit for the spec's author when the syntax is wrong
     */
    public static SourcePath parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Path is empty");
        }
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        boolean expectKey = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (expectKey) {
                int end = i;
                while (end < text.length() && !isReserved(text.charAt(end))) {
                    end++;
                }
                if (end == i) {
                    throw syntaxError(text, i, "expected a key");
                }
                segments.add(new Key(text.substring(i, end)));
                i = end;
                expectKey = false;
            } else if (c == '.') {
                i++;
                expectKey = true;
                if (i == text.length()) {
                    throw syntaxError(text, i, "expected a key after '.'");
                }
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw syntaxError(text, i, "'[' is not closed");
                }
                segments.add(new Index(parseIndex(text, i + 1, close)));
                i = close + 1;
            } else {
                throw syntaxError(text, i, "unexpected '" + c + "'");
            }
        }
        return new SourcePath(segments);
    }

    private static int parseIndex(String text, int from, int to) {
        String digits = text.substring(from, to);
        if (digits.isEmpty() || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw syntaxError(text, from, "an index must be a non-negative whole number");
        }
        if (digits.length() > 9) { // keeps the value inside int without overflow checks
            throw syntaxError(text, from, "index is too large");
        }
        return Integer.parseInt(digits);
    }

    private static IllegalArgumentException syntaxError(String text, int position, String reason) {
        return new IllegalArgumentException("Invalid path '" + text + "' at position " + position + ": " + reason);
    }

    private static boolean isReserved(int c) {
        return c == '.' || c == '[' || c == ']' || Character.isWhitespace(c);
    }

    /** Whether this is the scope itself. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The path without its last step; the root for a one-key path. */
    public SourcePath parent() {
        if (isRoot()) {
            throw new IllegalStateException("The root path has no parent");
        }
        return new SourcePath(segments.subList(0, segments.size() - 1));
    }

    /** This path followed by a key. */
    public SourcePath child(String key) {
        List<Segment> longer = new ArrayList<>(segments);
        longer.add(new Key(key));
        return new SourcePath(longer);
    }

    /** The value at this path below {@code scope}, or a missing node; never throws. */
    public JsonNode resolveIn(JsonNode scope) {
        JsonNode current = scope == null ? MissingNode.getInstance() : scope;
        for (Segment segment : segments) {
            // JsonNode.path returns MissingNode for absent keys, wrong container types and scalars alike
            current = segment instanceof Key key ? current.path(key.name()) : current.path(((Index) segment).index());
        }
        return current;
    }

    /** The written form, e.g. {@code by_currency[1].currency}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Segment segment : segments) {
            if (segment instanceof Key key) {
                if (text.length() > 0) {
                    text.append('.');
                }
                text.append(key.name());
            } else {
                text.append('[').append(((Index) segment).index()).append(']');
            }
        }
        return text.toString();
    }
}
