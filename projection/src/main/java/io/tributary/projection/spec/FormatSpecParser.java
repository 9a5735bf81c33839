package io.tributary.projection.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.projection.spec.ProjectionSpecParser.FormatWithPlaceholder;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads one field's {@code options} for its format. JSON types are checked here; value rules (ranges,
 * conflicts) live in the format records' constructors, whose messages are reported as they are.
 */
final class FormatSpecParser {

    private static final String PLACEHOLDER = "placeholder";

    /** Options each format accepts besides {@code placeholder}, which every source field accepts. */
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "raw", Set.of(),
            CurrencyFormatSpec.NAME, Set.of("decimals", "compact", "currency", "currencySource", "minorUnits"),
            NumberFormatSpec.NAME, Set.of("decimals", "compact"),
            PercentFormatSpec.NAME, Set.of("decimals", "input"),
            PercentFormatSpec.NAME_WITH_SIGN, Set.of("decimals", "input"),
            DateTimeFormatSpec.NAME, Set.of("pattern", "style", "relative"));

    private final String location;
    private final List<SpecProblem> problems;

    FormatSpecParser(String location, List<SpecProblem> problems) {
        this.location = location;
        this.problems = problems;
    }

    /** The format and placeholder; empty after reporting problems. {@code options} may be a missing node. */
    Optional<FormatWithPlaceholder> parse(String formatName, JsonNode options) {
        int problemsBefore = problems.size();
        Set<String> allowed = new HashSet<>(OPTIONS.get(formatName));
        allowed.add(PLACEHOLDER);
        options.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                invalid("Unknown option '" + name + "' for format " + formatName + "; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        });
        String placeholder = text(options, PLACEHOLDER).orElse(SourceField.DEFAULT_PLACEHOLDER);
        Optional<FormatSpec> format = build(formatName, options);
        if (problems.size() != problemsBefore || format.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FormatWithPlaceholder(format.get(), placeholder));
    }

    private Optional<FormatSpec> build(String formatName, JsonNode options) {
        int problemsBefore = problems.size();
        // Java evaluates arguments left to right, so every option is read (and type errors reported)
        // before a constructor checks the values.
        try {
            FormatSpec format = switch (formatName) {
                case CurrencyFormatSpec.NAME -> new CurrencyFormatSpec(decimals(options), bool(options, "compact", false),
                            text(options, "currency"), path(options, "currencySource"), bool(options, "minorUnits", true));
                case NumberFormatSpec.NAME -> new NumberFormatSpec(decimals(options), bool(options, "compact", false));
                case PercentFormatSpec.NAME, PercentFormatSpec.NAME_WITH_SIGN -> new PercentFormatSpec(
                        decimals(options), percentInput(options), formatName.equals(PercentFormatSpec.NAME_WITH_SIGN));
                case DateTimeFormatSpec.NAME ->
                        new DateTimeFormatSpec(text(options, "pattern"), style(options), bool(options, "relative", false));
                default -> new RawFormatSpec();
            };
            return problems.size() == problemsBefore ? Optional.of(format) : Optional.empty();
        } catch (IllegalArgumentException rejected) {
            if (problems.size() == problemsBefore) { // otherwise a type error already explains it
                invalid(rejected.getMessage());
            }
            return Optional.empty();
        }
    }

    // Readers: an absent or null option means "not given"; a wrong JSON type is reported.

    private OptionalInt decimals(JsonNode options) {
        JsonNode value = options.path("decimals");
        if (value.isMissingNode() || value.isNull()) {
            return OptionalInt.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return OptionalInt.of(value.intValue());
        }
        invalid("decimals must be a whole number between " + FormatSpec.MIN_DECIMALS + " and " + FormatSpec.MAX_DECIMALS);
        return OptionalInt.empty();
    }

    private boolean bool(JsonNode options, String name, boolean defaultValue) {
        JsonNode value = options.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            invalid(name + " must be true or false");
            return defaultValue;
        }
        return value.booleanValue();
    }

    private Optional<String> text(JsonNode options, String name) {
        JsonNode value = options.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            invalid(name + " must be a string");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    private Optional<SourcePath> path(JsonNode options, String name) {
        Optional<String> text = text(options, name);
        try {
            return text.map(SourcePath::parse);
        } catch (IllegalArgumentException badSyntax) {
            problems.add(new SpecProblem(ProblemCode.INVALID_PATH, location, name + ": " + badSyntax.getMessage()));
            return Optional.empty();
        }
    }

    private PercentFormatSpec.Input percentInput(JsonNode options) {
        Optional<String> text = text(options, "input");
        if (text.isEmpty()) {
            return PercentFormatSpec.Input.RATIO;
        }
        Optional<PercentFormatSpec.Input> input = PercentFormatSpec.Input.fromId(text.get());
        if (input.isEmpty()) {
            invalid("input must be 'ratio' (0.125 means 12.5%) or 'points' (12.5 means 12.5%), got '" + text.get() + "'");
        }
        return input.orElse(PercentFormatSpec.Input.RATIO);
    }

    private Optional<FormatStyle> style(JsonNode options) {
        Optional<String> text = text(options, "style");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (FormatStyle style : FormatStyle.values()) {
            if (style.name().toLowerCase(Locale.ROOT).equals(text.get())) {
                return Optional.of(style);
            }
        }
        invalid("style must be one of short, medium, long, full; got '" + text.get() + "'");
        return Optional.empty();
    }

    private void invalid(String message) {
        problems.add(new SpecProblem(ProblemCode.INVALID_OPTION, location, message));
    }
}
