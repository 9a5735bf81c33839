package io.tributary.projection.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tributary.projection.render.PreviousValues.PreviousValue;
import io.tributary.projection.spec.ComparePeriod;
import io.tributary.projection.spec.PercentFormatSpec;
import io.tributary.projection.spec.SourceField;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Renders a compared field's changes, one object per period in spec order:
 *
 * <pre>{@code
 * "mrr_compare": {"day": {"previous": "$1,000.00", "delta": "+$200.00", "percent": "+20%", "trend": "up",
 *                         "at": "2026-01-14T10:00:00Z"}}
 * }</pre>
 *
 * {@code previous} and {@code delta} are written as the field writes its value (with a sign on the
 * delta), {@code percent} is the change relative to the previous value as {@code percent-with-sign} (up
 * to one decimal), {@code trend} is {@code up}, {@code down} or {@code flat} by the sign of the exact
 * change, and {@code at} is when the previous value was taken (ISO-8601, UTC). Whatever cannot be known
 * is null: everything without a previous value; delta, percent and trend without a current number;
 * percent when the previous value is zero.
 */
final class CompareRenderer {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final PercentFormatSpec CHANGE = new PercentFormatSpec(OptionalInt.empty(), PercentFormatSpec.Input.RATIO, true);

    private CompareRenderer() {}

    static ObjectNode render(String name, SourceField field, JsonNode scope, RenderContext context) {
        Optional<BigDecimal> current = JsonNumbers.decimal(field.source().resolveIn(scope));
        ObjectNode changes = JSON.objectNode();
        for (ComparePeriod period : field.compare()) {
            Optional<PreviousValue> previous = context.previous().of(name, period);
            Optional<BigDecimal> delta = previous.flatMap(before -> current.map(now -> now.subtract(before.value())));
            Optional<BigDecimal> ratio = delta.flatMap(change -> previous.map(PreviousValue::value)
                    .filter(before -> before.signum() != 0)
                    .map(before -> change.divide(before.abs(), MathContext.DECIMAL64)));
            ObjectNode change = changes.putObject(period.id());
            change.set("previous", text(previous.flatMap(before -> ValueFormatter.formatNumber(field, before.value(), scope, context))));
            change.set("delta", text(delta.flatMap(value -> ValueFormatter.formatChange(field, value, scope, context))));
            change.set("percent", text(ratio.map(value -> PercentValueFormatter.format(CHANGE, value, context.locale()))));
            change.set("trend", text(delta.map(CompareRenderer::trend)));
            change.set("at", text(previous.map(before -> before.at().toString())));
        }
        return changes;
    }

    private static String trend(BigDecimal delta) {
        return switch (delta.signum()) {
            case 1 -> "up";
            case -1 -> "down";
            default -> "flat";
        };
    }

    private static JsonNode text(Optional<String> value) {
        return value.<JsonNode>map(TextNode::valueOf).orElse(NullNode.getInstance());
    }
}
