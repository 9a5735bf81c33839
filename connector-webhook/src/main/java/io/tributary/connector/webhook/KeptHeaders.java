package io.tributary.connector.webhook;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The headers a source keeps with each delivery, from its {@code keep_headers} field: a
 * comma-separated list of names. Headers that authenticate (credentials, cookies) are never kept,
 * whatever the list says: a delivery's record is readable by anyone with read access to its dataset.
 */
final class KeptHeaders {

    /** Never kept: they carry credentials. */
    static final Set<String> NEVER = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key");
    static final String PATTERN = "[A-Za-z0-9-]{1,64}( *, *[A-Za-z0-9-]{1,64}){0,19}";

    private KeptHeaders() {
    }

    /**
     * The header names of a {@code keep_headers} value, lower-cased.
     *
     * @param value the field's value; null or blank for none
     * @throws IllegalArgumentException when it names a header that is never kept
     */
    static Set<String> parse(String value) {
        Set<String> names = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return names;
        }
        for (String name : List.of(value.split(","))) {
            String header = name.trim().toLowerCase(Locale.ROOT);
            if (NEVER.contains(header)) {
                throw new IllegalArgumentException("The header " + header + " carries credentials and is never kept");
            }
            names.add(header);
        }
        return names;
    }
}
