package io.tributary.server.problems;

/** A value in the request that cannot be used as given. */
public final class InvalidInput extends Problem {

    private static final long serialVersionUID = 1L;

    /** The code of a value of the wrong form, missing or out of range. */
    public static final String INVALID_REQUEST = "invalid_request";

    /** @param field the field at fault; null when the body as a whole is */
    public InvalidInput(String field, String message) {
        this(INVALID_REQUEST, field, message);
    }

    /** A refusal with a code of its own, such as {@code invalid_credentials} or a connector's parameter error. */
    public InvalidInput(String code, String field, String message) {
        super(code, message, field);
    }
}
