package io.tributary.projection.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of a query type's result: the top-level fields of the result object. Specs are validated
 * against it when a block is saved. The server adapts the connector SPI's result-field descriptors into
 * this type, so this module needs no other module of ours.
 */
public record ResultSchema(List<SchemaField> fields) {

    public ResultSchema {
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
        requireUniqueNames(fields, "the result");
    }

    /** A schema with the given top-level fields. */
    public static ResultSchema of(SchemaField... fields) {
        return new ResultSchema(List.of(fields));
    }

    /** The top-level field with the given name, if declared. */
    public Optional<SchemaField> field(String name) {
        return find(fields, name);
    }

    static Optional<SchemaField> find(List<SchemaField> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    static void requireUniqueNames(List<SchemaField> fields, String owner) {
        Set<String> seen = new HashSet<>();
        for (SchemaField field : fields) {
            if (!seen.add(field.name())) {
                throw new IllegalArgumentException("Duplicate field '" + field.name() + "' in " + owner);
            }
        }
    }
}
