package io.tributary.projection.spec;

import java.util.Locale;

/** Why a projection spec was rejected. The {@link #id()} is stable: API clients may match on it. */
public enum ProblemCode {
    /** The spec's JSON is malformed: wrong shape, missing or conflicting keys, bad field names. */
    INVALID_SPEC,
    /** A source path is not valid syntax, e.g. {@code a[}. */
    INVALID_PATH,
    /** A format option is unknown, has the wrong type or an out-of-range value. */
    INVALID_OPTION,
    /** The format name is not one this module knows. */
    UNKNOWN_FORMAT,
    /** A source path does not exist in the query type's result. */
    UNKNOWN_PATH,
    /** The field a path reaches does not fit how it is used (format, list, currency source). */
    FORMAT_MISMATCH,
    /** A currency amount has no currency: none next to it in the result and none given as an option. */
    MISSING_CURRENCY,
    /**
     * A field's {@code compare} is wrong: an unknown period, the wrong JSON type, on a field that is not a
     * number (a date-time format, a non-numeric result field), inside a list, or clashing with another field.
     */
    INVALID_COMPARE;

    /** The lower-case identifier, e.g. {@code unknown_path}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
