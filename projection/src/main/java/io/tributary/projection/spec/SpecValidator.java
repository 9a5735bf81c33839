package io.tributary.projection.spec;

import io.tributary.projection.schema.FieldKind;
import io.tributary.projection.schema.ResultSchema;
import io.tributary.projection.schema.SchemaField;
import io.tributary.projection.spec.SchemaPathResolver.Found;
import io.tributary.projection.spec.SchemaPathResolver.NotFound;
import io.tributary.projection.spec.SchemaPathResolver.Resolution;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a parsed spec against the result schema of the block's query type, when the block is saved:
 * every source path must exist, every format must fit the field it reads, list fields must read arrays,
 * currency amounts must have a currency and compared fields must read numbers. Paths below a field that accepts any path (ANY, or a
 * container without declared children) are not checked; rendering copes with whatever arrives.
 */
public final class SpecValidator {

    private static final Set<FieldKind> NUMERIC = EnumSet.of(FieldKind.INTEGER, FieldKind.NUMBER, FieldKind.ANY);
    private static final Set<FieldKind> TIME = EnumSet.of(FieldKind.TIMESTAMP, FieldKind.INTEGER, FieldKind.STRING, FieldKind.ANY);
    private static final Set<FieldKind> TEXT = EnumSet.of(FieldKind.STRING, FieldKind.ANY);
    private static final Set<FieldKind> LIST = EnumSet.of(FieldKind.ARRAY, FieldKind.ANY);

    private final List<SpecProblem> problems = new ArrayList<>();

    private SpecValidator() {}

    /** Every problem found; empty when the spec fits the schema. */
    public static List<SpecProblem> validate(ProjectionSpec spec, ResultSchema schema) {
        SpecValidator validator = new SpecValidator();
        validator.validateSpec(spec, Optional.of(schema.fields()), "fields");
        return List.copyOf(validator.problems);
    }

    /**
     * Returns quietly when the spec fits the schema.
     *
     * @throws InvalidSpecException carrying every problem otherwise
     */
    public static void requireValid(ProjectionSpec spec, ResultSchema schema) {
        List<SpecProblem> problems = validate(spec, schema);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
    }

    /** {@code scope} is the fields of the object the paths start from; empty when it cannot be checked. */
    private void validateSpec(ProjectionSpec spec, Optional<List<SchemaField>> scope, String fieldsLocation) {
        for (Map.Entry<String, FieldSpec> entry : spec.fields().entrySet()) {
            String location = fieldsLocation + "." + entry.getKey();
            FieldSpec field = entry.getValue();
            if (field instanceof SourceField source && scope.isPresent()) {
                validateSource(source, scope.get(), location);
            } else if (field instanceof ListField list) {
                validateList(list, scope, location);
            }
        }
    }

    private void validateSource(SourceField field, List<SchemaField> scope, String location) {
        Resolution resolution = SchemaPathResolver.resolve(scope, field.source());
        if (resolution instanceof NotFound notFound) {
            problem(ProblemCode.UNKNOWN_PATH, location, "source '" + field.source() + "': " + notFound.reason());
            return;
        }
        if (resolution instanceof Found found) {
            FieldKind kind = found.field().kind();
            Set<FieldKind> accepted = acceptedKinds(field.format());
            if (!accepted.contains(kind)) {
                problem(ProblemCode.FORMAT_MISMATCH, location, "Format " + field.format().name() + " needs "
                        + needs(field.format()) + ", but '" + field.source() + "' is of type "
                        + SchemaPathResolver.describe(kind));
            } else if (!field.compare().isEmpty() && !NUMERIC.contains(kind)) {
                problem(ProblemCode.INVALID_COMPARE, location, "compare needs a number, but '" + field.source()
                        + "' is of type " + SchemaPathResolver.describe(kind));
            }
        }
        if (field.format() instanceof CurrencyFormatSpec currency) {
            validateCurrencySource(field.source(), currency, scope, location);
        }
    }

    private void validateCurrencySource(SourcePath amount, CurrencyFormatSpec format, List<SchemaField> scope, String location) {
        if (format.currency().isPresent()) {
            return;
        }
        if (format.currencySource().isPresent()) {
            SourcePath path = format.currencySource().get();
            Resolution resolution = SchemaPathResolver.resolve(scope, path);
            if (resolution instanceof NotFound notFound) {
                problem(ProblemCode.UNKNOWN_PATH, location, "currencySource '" + path + "': " + notFound.reason());
            } else if (resolution instanceof Found found && !TEXT.contains(found.field().kind())) {
                problem(ProblemCode.FORMAT_MISMATCH, location, "currencySource '" + path
                        + "' must be a string field, but is of type " + SchemaPathResolver.describe(found.field().kind()));
            }
            return;
        }
        SourcePath sibling = amount.parent().child("currency");
        Resolution resolution = SchemaPathResolver.resolve(scope, sibling);
        boolean usable = !(resolution instanceof NotFound)
                && !(resolution instanceof Found found && !TEXT.contains(found.field().kind()));
        if (!usable) {
            problem(ProblemCode.MISSING_CURRENCY, location, "'" + amount + "' has no string field '" + sibling
                    + "' next to it; set the option currency (e.g. \"EUR\") or currencySource");
        }
    }

    private void validateList(ListField field, Optional<List<SchemaField>> scope, String location) {
        Optional<List<SchemaField>> elementScope = Optional.empty();
        if (scope.isPresent()) {
            Resolution resolution = SchemaPathResolver.resolve(scope.get(), field.source());
            if (resolution instanceof NotFound notFound) {
                problem(ProblemCode.UNKNOWN_PATH, location, "source '" + field.source() + "': " + notFound.reason());
                return;
            }
            if (resolution instanceof Found found) {
                SchemaField array = found.field();
                if (!LIST.contains(array.kind())) {
                    problem(ProblemCode.FORMAT_MISMATCH, location, "A list field needs an array, but '"
                            + field.source() + "' is of type " + SchemaPathResolver.describe(array.kind()));
                    return;
                }
                if (!array.acceptsAnyPath()) {
                    elementScope = Optional.of(array.fields());
                }
            }
        }
        validateSpec(field.each(), elementScope, location + ".each.fields");
    }

    private static Set<FieldKind> acceptedKinds(FormatSpec format) {
        if (format instanceof RawFormatSpec) {
            return EnumSet.allOf(FieldKind.class);
        }
        return format instanceof DateTimeFormatSpec ? TIME : NUMERIC;
    }

    private static String needs(FormatSpec format) {
        return format instanceof DateTimeFormatSpec
                ? "a timestamp, integer (unix seconds) or string (ISO-8601)"
                : "an integer or number";
    }

    private void problem(ProblemCode code, String location, String message) {
        problems.add(new SpecProblem(code, location, message));
    }
}
