package io.tributary.projection.spec;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A widget field that shows a list: each element of the array at {@code source} is mapped through
 * {@code each}, whose paths are relative to the element. At most {@code limit} elements are kept.
 */
public record ListField(SourcePath source, ProjectionSpec each, OptionalInt limit) implements FieldSpec {

    public ListField {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(each, "each");
        Objects.requireNonNull(limit, "limit");
        if (source.isRoot()) {
            throw new IllegalArgumentException("A list field needs a path");
        }
        if (!each.compared().isEmpty()) {
            throw new IllegalArgumentException("compare is only for top-level fields: history is kept per block, not per list element");
        }
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit.getAsInt());
        }
    }
}
