package io.tributary.projection.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tributary.projection.spec.FieldSpec;
import io.tributary.projection.spec.ListField;
import io.tributary.projection.spec.LiteralField;
import io.tributary.projection.spec.ProjectionSpec;
import io.tributary.projection.spec.RawFormatSpec;
import io.tributary.projection.spec.SourceField;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a query result into widget data following a spec. Pure, and never throws for any result JSON:
 * missing, null or wrong-typed values show the field's placeholder; a list field whose source is not an
 * array shows an empty list, so widgets always get the shape they expect.
 *
 * <p>Output: one property per spec field, in spec order: a formatted string, the raw JSON value (fields
 * without a format), the literal, or an array of objects (list fields). A field with {@code compare} is
 * followed by {@code <name>_compare}, its changes against the context's previous values (see
 * {@link CompareRenderer}).
 */
public final class ProjectionRenderer {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ProjectionRenderer() {}

    /** The widget data for {@code result}; a null result is treated as an empty one. */
    public static ObjectNode render(ProjectionSpec spec, JsonNode result, RenderContext context) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(context, "context");
        return renderObject(spec, result, context);
    }

    private static ObjectNode renderObject(ProjectionSpec spec, JsonNode scope, RenderContext context) {
        ObjectNode data = JSON.objectNode();
        for (Map.Entry<String, FieldSpec> entry : spec.fields().entrySet()) {
            data.set(entry.getKey(), renderField(entry.getValue(), scope, context));
            if (entry.getValue() instanceof SourceField source && !source.compare().isEmpty()) {
                data.set(ProjectionSpec.compareKey(entry.getKey()), CompareRenderer.render(entry.getKey(), source, scope, context));
            }
        }
        return data;
    }

    private static JsonNode renderField(FieldSpec field, JsonNode scope, RenderContext context) {
        if (field instanceof LiteralField literal) {
            return literal.value();
        }
        if (field instanceof ListField list) {
            return renderList(list, scope, context);
        }
        return renderSource((SourceField) field, scope, context);
    }

    private static ArrayNode renderList(ListField field, JsonNode scope, RenderContext context) {
        ArrayNode items = JSON.arrayNode();
        JsonNode source = field.source().resolveIn(scope);
        if (!source.isArray()) {
            return items;
        }
        int count = Math.min(source.size(), field.limit().orElse(Integer.MAX_VALUE));
        for (int i = 0; i < count; i++) {
            items.add(renderObject(field.each(), source.get(i), context));
        }
        return items;
    }

    private static JsonNode renderSource(SourceField field, JsonNode scope, RenderContext context) {
        JsonNode value = field.source().resolveIn(scope);
        if (value.isMissingNode() || value.isNull()) {
            return TextNode.valueOf(field.placeholder());
        }
        if (field.format() instanceof RawFormatSpec) {
            return value.deepCopy();
        }
        return TextNode.valueOf(ValueFormatter.format(field, value, scope, context).orElse(field.placeholder()));
    }
}
