package io.tributary.server.problems;

/** The request is sound but what is stored does not allow it, until something else changes first. */
public non-sealed class Conflict extends Problem {

    private static final long serialVersionUID = 1L;

    /** @param field the field whose stored value is in the way; null when none is */
    public Conflict(String code, String field, String message) {
        super(code, message, field);
    }
}
