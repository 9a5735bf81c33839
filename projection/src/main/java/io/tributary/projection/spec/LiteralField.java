package io.tributary.projection.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** A widget field with a fixed value, such as a label. Holds its own copy, so it cannot change later. */
public record LiteralField(JsonNode value) implements FieldSpec {

    public LiteralField {
        value = value == null ? NullNode.getInstance() : value.deepCopy();
    }

    /** A copy of the value; callers cannot change the spec through it. */
    @Override
    public JsonNode value() {
        return value.deepCopy();
    }
}
