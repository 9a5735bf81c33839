package io.tributary.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.projection.render.ProjectionRenderer;
import io.tributary.projection.render.RenderContext;
import io.tributary.projection.render.SourceNumbers;
import io.tributary.projection.schema.ResultSchema;
import io.tributary.projection.spec.ProjectionSpec;
import io.tributary.projection.spec.ProjectionSpecParser;
import io.tributary.projection.spec.SpecParseResult;
import io.tributary.projection.spec.SpecProblem;
import io.tributary.projection.spec.SpecValidator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The module's entry points in one place: check a block's spec when it is saved, render widget data when
 * a query result arrives. Each delegates to the class that does the work.
 */
public final class Projections {

    private Projections() {}

    /** Reads a spec from JSON; see {@link ProjectionSpecParser}. */
    public static SpecParseResult parse(JsonNode specJson) {
        return ProjectionSpecParser.parse(specJson);
    }

    /** Checks a spec against the query type's result schema; see {@link SpecValidator}. */
    public static List<SpecProblem> validate(ProjectionSpec spec, ResultSchema schema) {
        return SpecValidator.validate(spec, schema);
    }

    /**
     * What a block save needs: the spec when it is well-formed and fits the schema, otherwise every
     * problem (malformed-spec problems first; schema checks run only on a well-formed spec).
     */
    public static SpecParseResult parseAndValidate(JsonNode specJson, ResultSchema schema) {
        SpecParseResult parsed = ProjectionSpecParser.parse(specJson);
        if (!parsed.isValid()) {
            return parsed;
        }
        List<SpecProblem> problems = SpecValidator.validate(parsed.orThrow(), schema);
        return problems.isEmpty() ? parsed : SpecParseResult.invalid(problems);
    }

    /**
     * The numbers the spec's top-level fields read from a result, unformatted, by widget field name: what
     * history records for them and what {@code compare} measures changes against; see {@link SourceNumbers}.
     */
    public static Map<String, BigDecimal> sourceNumbers(ProjectionSpec spec, JsonNode result) {
        return SourceNumbers.of(spec, result);
    }

    /** The widget data for a query result; see {@link ProjectionRenderer}. Never throws for any result. */
    public static ObjectNode render(ProjectionSpec spec, JsonNode result, RenderContext context) {
        return ProjectionRenderer.render(spec, result, context);
    }
}
