package io.tributary.server.problems;

/** Nothing by that id, or nothing the caller may see: both look the same, so ids cannot be probed. */
public final class NotFound extends Problem {

    private static final long serialVersionUID = 1L;

    /** @param what what was looked for, such as {@code Data source ds_1} */
    public NotFound(String what) {
        super("not_found", what + " was not found", null);
    }
}
