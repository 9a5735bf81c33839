package io.tributary.server.problems;

/** The workspace's plan allows no more of something; a bigger plan does. */
public final class LimitReached extends Problem {

    private static final long serialVersionUID = 1L;

    /** @param field the request field that asked for more, such as the type of a new data source */
    public LimitReached(String field, String message) {
        super("plan_limit_exceeded", message, field);
    }
}
