package io.tributary.server;

/**
 * A command refusing its input, or stopping on a condition the operator must fix: reported by its
 * message alone, without a stack trace, and the process exits non-zero.
 */
public final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message);
    }
}
