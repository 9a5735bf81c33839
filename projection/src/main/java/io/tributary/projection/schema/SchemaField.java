package io.tributary.projection.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of a query result. For an {@link FieldKind#OBJECT} the children are its properties; for an
 * {@link FieldKind#ARRAY} they describe each element (elements are objects). A container with no children
 * accepts any deeper path unchecked.
 */
public record SchemaField(String name, FieldKind kind, boolean nullable, List<SchemaField> fields) {

    public SchemaField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A schema field needs a name");
        }
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
        if (!kind.isContainer() && !fields.isEmpty()) {
            throw new IllegalArgumentException("Field '" + name + "' of kind " + kind + " cannot have child fields");
        }
        ResultSchema.requireUniqueNames(fields, "field '" + name + "'");
    }

    /** A non-null scalar (or unchecked) field. */
    public static SchemaField of(String name, FieldKind kind) {
        return new SchemaField(name, kind, false, List.of());
    }

    /** A nullable scalar (or unchecked) field. */
    public static SchemaField nullable(String name, FieldKind kind) {
        return new SchemaField(name, kind, true, List.of());
    }

    /** An object with the given properties. */
    public static SchemaField object(String name, SchemaField... fields) {
        return new SchemaField(name, FieldKind.OBJECT, false, List.of(fields));
    }

    /** An array whose elements are objects with the given properties. */
    public static SchemaField array(String name, SchemaField... elementFields) {
        return new SchemaField(name, FieldKind.ARRAY, false, List.of(elementFields));
    }

    /** Whether paths below this field cannot be checked (ANY, or a container that lists no children). */
    public boolean acceptsAnyPath() {
        return kind == FieldKind.ANY || (kind.isContainer() && fields.isEmpty());
    }

    /** The child with the given name, if declared. */
    public Optional<SchemaField> child(String childName) {
        return ResultSchema.find(fields, childName);
    }
}
