package io.tributary.projection.spec;

import java.util.Objects;

/**
 * A widget field that shows the value at {@code source}, formatted by {@code format}.
 *
 * @param placeholder shown instead when the value is missing, null, or of a type the format cannot use
 */
public record SourceField(SourcePath source, FormatSpec format, String placeholder) implements FieldSpec {

    /** Shown for missing values unless the field sets its own. */
    public static final String DEFAULT_PLACEHOLDER = "—";

    public SourceField {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(placeholder, "placeholder");
        if (source.isRoot()) {
            throw new IllegalArgumentException("A source field needs a path");
        }
    }

    /** A field with the default placeholder. */
    public SourceField(SourcePath source, FormatSpec format) {
        this(source, format, DEFAULT_PLACEHOLDER);
    }
}
