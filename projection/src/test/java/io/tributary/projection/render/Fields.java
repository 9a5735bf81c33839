package io.tributary.projection.render;

import static io.tributary.projection.support.Json.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.projection.spec.ProjectionSpecParser;
import java.time.Instant;
import java.util.Map;

/** Test helper: render one field spec against a result. */
final class Fields {

    /** 2023-11-14T22:13:20Z, the "now" of every test. */
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    static final RenderContext EN_US_UTC = RenderContext.at(NOW);

    /**
     * A connector's table that differs from ISO 4217 as payment APIs do: MGA amounts carry no decimals
     * (ISO: 2), and ISK amounts are written in hundredths (ISO: 0) that are always whole, so shown without
     * decimals. These are Stripe's rules, which projection applied to every result before connectors
     * passed their own table.
     */
    static final MinorUnitTable CONNECTOR_UNITS = new MinorUnitTable(Map.of("MGA", 0, "ISK", 2), Map.of("ISK", 0));

    /** en-US and UTC, reading amounts by {@link #CONNECTOR_UNITS}. */
    static final RenderContext EN_US_UTC_CONNECTOR_UNITS = EN_US_UTC.withMinorUnits(CONNECTOR_UNITS);

    private Fields() {}

    /** The widget value of {@code fieldSpec} (a field's JSON) for {@code result}. */
    static JsonNode renderNode(String fieldSpec, String result, RenderContext context) {
        return ProjectionRenderer.render(ProjectionSpecParser.parseOrThrow(json("{'fields': {'v': " + fieldSpec + "}}")),
                json(result), context).get("v");
    }

    static String render(String fieldSpec, String result, RenderContext context) {
        JsonNode node = renderNode(fieldSpec, result, context);
        if (!node.isTextual()) {
            throw new AssertionError("Expected a formatted string but got " + node);
        }
        return node.textValue();
    }

    static String render(String fieldSpec, String result) {
        return render(fieldSpec, result, EN_US_UTC);
    }
}
