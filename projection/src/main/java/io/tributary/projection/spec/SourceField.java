package io.tributary.projection.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A widget field that shows the value at {@code source}, formatted by {@code format}.
 *
 * @param placeholder shown instead when the value is missing, null, or of a type the format cannot use
 * @param compare     the periods to show the change over (beside the value, under {@code <name>_compare});
 *                    empty for none. A compared field reads a number and is not a date-time.
 */
public record SourceField(SourcePath source, FormatSpec format, String placeholder, List<ComparePeriod> compare)
        implements FieldSpec {

    /** Shown for missing values unless the field sets its own. */
    public static final String DEFAULT_PLACEHOLDER = "—";

    public SourceField {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(placeholder, "placeholder");
        compare = List.copyOf(Objects.requireNonNull(compare, "compare"));
        if (source.isRoot()) {
            throw new IllegalArgumentException("A source field needs a path");
        }
        if (new HashSet<>(compare).size() != compare.size()) {
            throw new IllegalArgumentException("compare names a period twice");
        }
        if (!compare.isEmpty() && format instanceof DateTimeFormatSpec) {
            throw new IllegalArgumentException("compare needs a number; a datetime field has no change to show");
        }
    }

    /** A field without {@code compare}. */
    public SourceField(SourcePath source, FormatSpec format, String placeholder) {
        this(source, format, placeholder, List.of());
    }

    /** A field with the default placeholder. */
    public SourceField(SourcePath source, FormatSpec format) {
        this(source, format, DEFAULT_PLACEHOLDER);
    }
}
