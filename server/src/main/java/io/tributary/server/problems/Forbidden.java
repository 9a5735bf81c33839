package io.tributary.server.problems;

/** The caller is known but may not do this. */
public final class Forbidden extends Problem {

    private static final long serialVersionUID = 1L;

    /** @param field the field the caller may not set; null when the call as a whole is refused */
    public Forbidden(String field, String message) {
        super("forbidden", message, field);
    }
}
