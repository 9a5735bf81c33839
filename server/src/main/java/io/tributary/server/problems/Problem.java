package io.tributary.server.problems;

/**
 * A request a service refuses. The code is stable (clients branch on it); the message is for
 * people and carries no secret.
 */
public abstract sealed class Problem extends RuntimeException permits NotFound, InvalidInput, Forbidden, LimitReached, Conflict, RateLimited {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String field;

    protected Problem(String code, String message, String field) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    /** The request field at fault, dotted ({@code binding.queryConfig.type}); null when the request as a whole is. */
    public String field() {
        return field;
    }
}
