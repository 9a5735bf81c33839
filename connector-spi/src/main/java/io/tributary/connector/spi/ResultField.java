package io.tributary.connector.spi;

import java.util.List;
import java.util.Objects;

/**
 * One field of a query's result: what a projection may point at.
 *
 * @param name the field's name in the result object
 * @param type its JSON type
 * @param description what it holds, for people (units included: "in the currency's smallest unit")
 * @param nullable whether it may be null
 * @param fields the members of an {@code OBJECT}, or of each element of an {@code ARRAY}; empty
 *     for other types, or for objects and arrays whose shape is not fixed
 */
public record ResultField(String name, FieldType type, String description, boolean nullable, List<ResultField> fields) {

    /** Checks and copies the inputs; only objects and arrays have child fields. */
    public ResultField {
        Checks.identifier(name, "Result field name");
        Objects.requireNonNull(type, "type");
        Checks.text(description, "description");
        fields = Checks.list(fields, "fields");
        if (!fields.isEmpty() && type != FieldType.OBJECT && type != FieldType.ARRAY) {
            throw new IllegalArgumentException("Result field '" + name + "': only OBJECT and ARRAY have child fields");
        }
        Checks.unique(fields, ResultField::name, "Child field of " + name);
    }

    /**
     * A non-null scalar field.
     *
     * @param name the name
     * @param type the type
     * @param description what it holds
     * @return the field
     */
    public static ResultField of(String name, FieldType type, String description) {
        return new ResultField(name, type, description, false, List.of());
    }

    /**
     * A nullable scalar field.
     *
     * @param name the name
     * @param type the type
     * @param description what it holds
     * @return the field
     */
    public static ResultField nullable(String name, FieldType type, String description) {
        return new ResultField(name, type, description, true, List.of());
    }

    /**
     * An array of objects with the given fields.
     *
     * @param name the name
     * @param description what it holds
     * @param elementFields the fields of each element
     * @return the field
     */
    public static ResultField arrayOf(String name, String description, ResultField... elementFields) {
        return new ResultField(name, FieldType.ARRAY, description, false, List.of(elementFields));
    }

    /**
     * An object with the given fields.
     *
     * @param name the name
     * @param description what it holds
     * @param memberFields its members
     * @return the field
     */
    public static ResultField objectOf(String name, String description, ResultField... memberFields) {
        return new ResultField(name, FieldType.OBJECT, description, false, List.of(memberFields));
    }
}
