package io.tributary.connector.stripe.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/** Jackson helpers shared by the fake: one mapper, node factories and Stripe's list envelope. */
public final class Json {

    /** Object nodes keep insertion order, so the same inserts always print the same bytes. */
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** An object node sized for a large shape, so it is not rehashed as fields are added. */
    static ObjectNode object(int fields) {
        return new ObjectNode(NODES, new java.util.LinkedHashMap<>(fields * 4 / 3 + 1));
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = array();
        values.forEach(array::add);
        return array;
    }

    /** An empty metadata object: Stripe always sends {@code metadata}, never null. */
    static ObjectNode metadata() {
        return object();
    }

    /** Stripe's list envelope: {@code object}, {@code data}, {@code has_more}, {@code url}. */
    static ObjectNode list(List<? extends JsonNode> data, boolean hasMore, String url) {
        ObjectNode list = object();
        list.put("object", "list");
        ArrayNode array = list.putArray("data");
        data.forEach(array::add);
        list.put("has_more", hasMore);
        list.put("url", url);
        return list;
    }

    /** Compact JSON text. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indented JSON text, as Stripe prints responses and webhook bodies. */
    public static String writePretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON text into a tree. */
    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text at a dotted path ({@code parent.subscription_details.subscription}), or null. */
    static String text(JsonNode node, String dottedPath) {
        JsonNode current = node;
        for (String part : dottedPath.split("\\.")) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(part);
        }
        return current == null || current.isNull() ? null : current.asText();
    }
}
