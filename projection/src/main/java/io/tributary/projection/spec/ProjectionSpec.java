package io.tributary.projection.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a block turns a query result into its widget data: widget field name -> what to put there. Field
 * order is kept so widget data comes out in the order the author wrote it.
 */
public record ProjectionSpec(Map<String, FieldSpec> fields) {

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
        fields = Collections.unmodifiableMap(copy);
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
