package io.tributary.projection.spec;

import io.tributary.projection.schema.FieldKind;
import io.tributary.projection.schema.SchemaField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Follows a {@link SourcePath} through a result schema to the field it reaches. */
final class SchemaPathResolver {

    private SchemaPathResolver() {}

    /** Where a path leads. */
    sealed interface Resolution permits Found, Unchecked, NotFound {}

    /** The path reaches this field. For an array element this is an object holding the element's fields. */
    record Found(SchemaField field) implements Resolution {}

    /** The path goes below a field that accepts any path, so it cannot be checked. */
    record Unchecked() implements Resolution {}

    /** The path does not exist; {@code reason} says where it went wrong. */
    record NotFound(String reason) implements Resolution {}

    /** Resolves {@code path} against an object whose fields are {@code scope}. */
    static Resolution resolve(List<SchemaField> scope, SourcePath path) {
        SchemaField current = null; // null while still at the scope object itself
        StringBuilder walked = new StringBuilder();
        for (SourcePath.Segment segment : path.segments()) {
            if (current != null && current.acceptsAnyPath()) {
                return new Unchecked();
            }
            if (segment instanceof SourcePath.Key key) {
                List<SchemaField> children;
                if (current == null) {
                    children = scope;
                } else if (current.kind() == FieldKind.OBJECT) {
                    children = current.fields();
                } else if (current.kind() == FieldKind.ARRAY) {
                    return new NotFound("'" + walked + "' is a list; pick an element first, e.g. '"
                            + walked + "[0]." + key.name() + "'");
                } else {
                    return new NotFound("'" + walked + "' is of type " + describe(current.kind())
                            + " and has no field '" + key.name() + "'");
                }
                Optional<SchemaField> child = children.stream().filter(f -> f.name().equals(key.name())).findFirst();
                if (child.isEmpty()) {
                    String owner = current == null ? "The result" : "'" + walked + "'";
                    return new NotFound(owner + " has no field '" + key.name() + "'; it has: " + names(children));
                }
                current = child.get();
                walked.append(walked.length() == 0 ? "" : ".").append(key.name());
            } else {
                int index = ((SourcePath.Index) segment).index();
                if (current == null || current.kind() != FieldKind.ARRAY) {
                    return new NotFound("'" + walked + "' is not a list, so [" + index + "] does not apply");
                }
                // Elements of an array are objects described by the array's fields.
                current = new SchemaField(current.name() + "[]", FieldKind.OBJECT, true, current.fields());
                walked.append('[').append(index).append(']');
            }
        }
        return new Found(current);
    }

    static String describe(FieldKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String names(List<SchemaField> fields) {
        return fields.isEmpty() ? "no fields" : fields.stream().map(SchemaField::name).collect(Collectors.joining(", "));
    }
}
