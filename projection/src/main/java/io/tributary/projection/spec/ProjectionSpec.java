package io.tributary.projection.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a block turns a query result into its widget data: widget field name -> what to put there. Field
 * order is kept so widget data comes out in the order the author wrote it. A field with {@code compare}
 * also fills {@code <name>_compare} (see {@link #compareKey(String)}), so no other field may have that name.
 */
public record ProjectionSpec(Map<String, FieldSpec> fields) {

    /** Appended to a compared field's name for the widget data property holding its changes. */
    public static final String COMPARE_SUFFIX = "_compare";

    // Names become JSON keys and appear in problem locations such as "fields.items.each.fields.amount",
    // so keep them plain identifiers.
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

    public ProjectionSpec {
        Objects.requireNonNull(fields, "fields");
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("A spec needs at least one field");
        }
        Map<String, FieldSpec> copy = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            if (!isValidFieldName(name)) {
                throw new IllegalArgumentException(fieldNameRule(name));
            }
            copy.put(name, Objects.requireNonNull(field, "field " + name));
        });
        copy.forEach((name, field) -> {
            if (!compareOf(field).isEmpty() && copy.containsKey(compareKey(name))) {
                throw new IllegalArgumentException(compareClash(name));
            }
        });
        fields = Collections.unmodifiableMap(copy);
    }

    /** The widget data property that holds the changes of compared field {@code name}. */
    public static String compareKey(String name) {
        return name + COMPARE_SUFFIX;
    }

    /**
     * The compared fields of this spec (not of list elements, which cannot compare), by name in spec
     * order, with their periods: what a renderer needs previous values for.
     */
    public Map<String, List<ComparePeriod>> compared() {
        Map<String, List<ComparePeriod>> compared = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            if (!compareOf(field).isEmpty()) {
                compared.put(name, compareOf(field));
            }
        });
        return Collections.unmodifiableMap(compared);
    }

    private static List<ComparePeriod> compareOf(FieldSpec field) {
        return field instanceof SourceField source ? source.compare() : List.of();
    }

    static String compareClash(String name) {
        return "compare writes the changes of '" + name + "' to '" + compareKey(name)
                + "', which is also a field of this spec; rename one of them";
    }

    /** Whether a widget field may have this name. */
    public static boolean isValidFieldName(String name) {
        return name != null && FIELD_NAME.matcher(name).matches();
    }

    static String fieldNameRule(String name) {
        return "Field name '" + name + "' must start with a letter or '_' and contain only letters, digits, "
                + "'_' or '-' (at most 64 characters)";
    }
}
