package io.tributary.projection.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a projection spec from JSON, collecting every problem instead of stopping at the first:
 *
 * <pre>{@code
 * {"fields": {
 *    "value": {"source": "amount_cents", "format": "currency", "options": {"compact": true}},
 *    "label": {"literal": "MRR"},
 *    "items": {"source": "charges", "limit": 5, "each": {"fields": {
 *        "when": {"source": "created_at_unix", "format": "datetime", "options": {"relative": true}}}}}}}
 * }</pre>
 *
 * A field has either {@code literal} or {@code source}. A source field may have {@code format} and
 * {@code options} (without a format it copies the raw value); with {@code each} it is a list field, which
 * may have {@code limit}. A top-level source field may have {@code compare}: a period ({@code day},
 * {@code week}, {@code month}) or a list of them. This checks the spec on its own; {@link SpecValidator} checks it against a
 * query type's result.
 */
public final class ProjectionSpecParser {

    private static final Set<String> SPEC_KEYS = Set.of("fields");
    private static final Set<String> FIELD_KEYS = Set.of("literal", "source", "format", "options", "each", "limit", "compare");

    private final List<SpecProblem> problems = new ArrayList<>();

    private ProjectionSpecParser() {}

    /** The spec, or every problem found in it. Never throws for any JSON, including null. */
    public static SpecParseResult parse(JsonNode json) {
        ProjectionSpecParser parser = new ProjectionSpecParser();
        Optional<ProjectionSpec> spec = parser.parseSpec(json, "");
        return parser.problems.isEmpty() ? SpecParseResult.valid(spec.orElseThrow()) : SpecParseResult.invalid(parser.problems);
    }

    /**
     * The spec.
     *
     * @throws InvalidSpecException carrying every problem, when there is any
     */
    public static ProjectionSpec parseOrThrow(JsonNode json) {
        return parse(json).orThrow();
    }

    private Optional<ProjectionSpec> parseSpec(JsonNode json, String location) {
        if (json == null || !json.isObject()) {
            problem(ProblemCode.INVALID_SPEC, location, "A spec must be a JSON object with \"fields\"");
            return Optional.empty();
        }
        int problemsBefore = problems.size();
        reportUnknownKeys(json, SPEC_KEYS, location, "a spec has only \"fields\"");
        String fieldsLocation = location.isEmpty() ? "fields" : location + ".fields";
        JsonNode fields = json.get("fields");
        Map<String, FieldSpec> parsed = new LinkedHashMap<>();
        if (fields == null) {
            problem(ProblemCode.INVALID_SPEC, fieldsLocation, "\"fields\" is missing");
        } else if (!fields.isObject()) {
            problem(ProblemCode.INVALID_SPEC, fieldsLocation,
                    "\"fields\" must be an object mapping widget field names to field specs");
        } else if (fields.isEmpty()) {
            problem(ProblemCode.INVALID_SPEC, fieldsLocation, "\"fields\" must have at least one field");
        } else {
            for (Map.Entry<String, JsonNode> entry : fields.properties()) {
                String name = entry.getKey();
                if (!ProjectionSpec.isValidFieldName(name)) {
                    problem(ProblemCode.INVALID_SPEC, fieldsLocation, ProjectionSpec.fieldNameRule(name));
                    continue;
                }
                parseField(entry.getValue(), fieldsLocation + "." + name, location.isEmpty())
                        .ifPresent(field -> parsed.put(name, field));
            }
            parsed.forEach((name, field) -> {
                if (field instanceof SourceField source && !source.compare().isEmpty()
                        && fields.has(ProjectionSpec.compareKey(name))) {
                    problem(ProblemCode.INVALID_COMPARE, fieldsLocation + "." + name, ProjectionSpec.compareClash(name));
                }
            });
        }
        return problems.size() == problemsBefore ? Optional.of(new ProjectionSpec(parsed)) : Optional.empty();
    }

    /** {@code topLevel}: a field of the spec itself, not of a list's {@code each}. */
    private Optional<FieldSpec> parseField(JsonNode json, String location, boolean topLevel) {
        if (!json.isObject()) {
            problem(ProblemCode.INVALID_SPEC, location, "A field must be an object with \"literal\" or \"source\"");
            return Optional.empty();
        }
        int problemsBefore = problems.size();
        reportUnknownKeys(json, FIELD_KEYS, location,
                "a field may have literal, source, format, options, each, limit and compare");
        boolean hasLiteral = json.has("literal");
        boolean hasSource = json.has("source");
        if (hasLiteral && hasSource) {
            problem(ProblemCode.INVALID_SPEC, location, "A field has either \"literal\" or \"source\", not both");
            return Optional.empty();
        }
        if (!hasLiteral && !hasSource) {
            problem(ProblemCode.INVALID_SPEC, location, "A field needs either \"literal\" or \"source\"");
            return Optional.empty();
        }
        if (hasLiteral) {
            if (FIELD_KEYS.stream().anyMatch(key -> !key.equals("literal") && json.has(key))) {
                problem(ProblemCode.INVALID_SPEC, location, "A literal field takes nothing besides \"literal\"");
            }
            return problems.size() == problemsBefore ? Optional.of(new LiteralField(json.get("literal"))) : Optional.empty();
        }
        Optional<SourcePath> source = readPath(json.get("source"), "source", location);
        Optional<FieldSpec> field = json.has("each")
                ? parseListField(json, source, location)
                : parseSourceField(json, source, location, topLevel);
        return problems.size() == problemsBefore ? field : Optional.empty();
    }

    private Optional<FieldSpec> parseListField(JsonNode json, Optional<SourcePath> source, String location) {
        if (json.has("format") || json.has("options")) {
            problem(ProblemCode.INVALID_SPEC, location,
                    "A list field (with \"each\") takes no format or options; format the fields inside \"each\"");
        }
        if (json.has("compare")) {
            problem(ProblemCode.INVALID_COMPARE, location, "A list field (with \"each\") cannot compare; compare a number field");
        }
        OptionalInt limit = OptionalInt.empty();
        JsonNode limitJson = json.get("limit");
        if (limitJson != null) {
            if (limitJson.isIntegralNumber() && limitJson.canConvertToInt() && limitJson.intValue() >= 1) {
                limit = OptionalInt.of(limitJson.intValue());
            } else {
                problem(ProblemCode.INVALID_SPEC, location, "\"limit\" must be a whole number of at least 1");
            }
        }
        Optional<ProjectionSpec> each = parseSpec(json.get("each"), location + ".each");
        if (source.isEmpty() || each.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ListField(source.get(), each.get(), limit));
    }

    private Optional<FieldSpec> parseSourceField(JsonNode json, Optional<SourcePath> source, String location, boolean topLevel) {
        if (json.has("limit")) {
            problem(ProblemCode.INVALID_SPEC, location, "\"limit\" applies only to list fields, which have \"each\"");
        }
        JsonNode options = json.path("options");
        if (!options.isMissingNode() && !options.isObject()) {
            problem(ProblemCode.INVALID_SPEC, location, "\"options\" must be an object");
            return Optional.empty();
        }
        Optional<String> formatName = readFormatName(json.get("format"), location);
        if (formatName.isEmpty()) {
            return Optional.empty();
        }
        Optional<FormatWithPlaceholder> format = new FormatSpecParser(location, problems).parse(formatName.get(), options);
        Optional<List<ComparePeriod>> compare = readCompare(json.get("compare"), location, topLevel);
        if (compare.isPresent() && !compare.get().isEmpty() && formatName.get().equals(DateTimeFormatSpec.NAME)) {
            problem(ProblemCode.INVALID_COMPARE, location, "compare needs a number; a datetime field has no change to show");
            return Optional.empty();
        }
        if (source.isEmpty() || format.isEmpty() || compare.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SourceField(source.get(), format.get().format(), format.get().placeholder(), compare.get()));
    }

    /** The periods of {@code compare} (empty when absent); empty optional after reporting a problem. */
    private Optional<List<ComparePeriod>> readCompare(JsonNode json, String location, boolean topLevel) {
        if (json == null) {
            return Optional.of(List.of());
        }
        if (!topLevel) {
            problem(ProblemCode.INVALID_COMPARE, location,
                    "compare is only for top-level fields: history is kept per block, not per list element");
            return Optional.empty();
        }
        String known = String.join(", ", ComparePeriod.ids());
        List<JsonNode> items = new ArrayList<>();
        if (json.isArray()) {
            json.forEach(items::add);
        } else {
            items.add(json);
        }
        if (items.isEmpty()) {
            problem(ProblemCode.INVALID_COMPARE, location, "compare needs at least one period: " + known);
            return Optional.empty();
        }
        List<ComparePeriod> periods = new ArrayList<>();
        int problemsBefore = problems.size();
        for (JsonNode item : items) {
            Optional<ComparePeriod> period = item.isTextual() ? ComparePeriod.fromId(item.textValue()) : Optional.empty();
            if (period.isEmpty()) {
                problem(ProblemCode.INVALID_COMPARE, location, "compare takes a period or a list of periods ("
                        + known + "); got " + (item.isTextual() ? "'" + item.textValue() + "'" : item.toString()));
            } else if (periods.contains(period.get())) {
                problem(ProblemCode.INVALID_COMPARE, location, "compare names '" + period.get().id() + "' twice");
            } else {
                periods.add(period.get());
            }
        }
        return problems.size() == problemsBefore ? Optional.of(List.copyOf(periods)) : Optional.empty();
    }

    /** The format name, {@code raw} when absent; empty after reporting a problem. */
    private Optional<String> readFormatName(JsonNode format, String location) {
        if (format == null) {
            return Optional.of(new RawFormatSpec().name());
        }
        if (!format.isTextual()) {
            problem(ProblemCode.INVALID_SPEC, location, "\"format\" must be a string");
            return Optional.empty();
        }
        if (!FormatSpec.NAMES.contains(format.textValue())) {
            problem(ProblemCode.UNKNOWN_FORMAT, location, "Unknown format '" + format.textValue()
                    + "'; known formats: " + String.join(", ", FormatSpec.NAMES));
            return Optional.empty();
        }
        return Optional.of(format.textValue());
    }

    private Optional<SourcePath> readPath(JsonNode json, String key, String location) {
        if (!json.isTextual()) {
            problem(ProblemCode.INVALID_SPEC, location, "\"" + key + "\" must be a path string such as \"charges[0].amount_cents\"");
            return Optional.empty();
        }
        try {
            return Optional.of(SourcePath.parse(json.textValue()));
        } catch (IllegalArgumentException badSyntax) {
            problem(ProblemCode.INVALID_PATH, location, badSyntax.getMessage());
            return Optional.empty();
        }
    }

    private void reportUnknownKeys(JsonNode json, Set<String> known, String location, String hint) {
        json.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                problem(ProblemCode.INVALID_SPEC, location, "Unknown key '" + key + "'; " + hint);
            }
        });
    }

    private void problem(ProblemCode code, String location, String message) {
        problems.add(new SpecProblem(code, location, message));
    }

    /** A parsed format and the field's placeholder, which is written among the format's options. */
    record FormatWithPlaceholder(FormatSpec format, String placeholder) {}
}
