package io.tributary.connector.testkit;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import java.util.List;

/**
 * How the kit fails: every message names the case that failed, says what was found, and says what
 * to change, so a connector author never has to read the kit's source to know what it wanted.
 */
final class Verdicts {

    private Verdicts() {
    }

    /** A failure of one case: {@code "<case>: <found>. To fix: <fix>"}. */
    static AssertionError failure(String caseName, String found, String fix) {
        return new AssertionError(caseName + ": " + found + ". To fix: " + fix);
    }

    /** Fails the case unless the condition holds. */
    static void check(boolean holds, String caseName, String found, String fix) {
        if (!holds) {
            throw failure(caseName, found, fix);
        }
    }

    /** Fails the case listing every problem, each of which already says what to change. */
    static void assertNone(String caseName, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError(caseName + ": " + problems.size() + " problem(s):\n - " + String.join("\n - ", problems));
        }
    }

    /**
     * Runs an operation that must fail with a {@link ConnectorException}, and returns it.
     *
     * @param caseName the case, for the message
     * @param operation the operation
     * @param fix what to change when it does not fail, or fails otherwise
     * @return the exception
     */
    static ConnectorException failureOf(String caseName, Runnable operation, String fix) {
        try {
            operation.run();
        } catch (ConnectorException e) {
            return e;
        } catch (RuntimeException | LinkageError e) {
            AssertionError error = failure(caseName, "threw " + e + " instead of a ConnectorException", fix
                    + "; report every failure as a ConnectorException (the host treats anything else as a connector bug)");
            error.initCause(e);
            throw error;
        }
        throw failure(caseName, "returned normally instead of failing", fix);
    }

    /** Runs an operation that must fail with a {@link ConnectorException} of one kind. */
    static ConnectorException failsWithKind(String caseName, Runnable operation, ErrorKind kind, String fix) {
        ConnectorException e = failureOf(caseName, operation, fix);
        if (e.kind() != kind) {
            AssertionError error = failure(caseName, "failed with " + e.errorCode().code() + " (" + e.kind() + "): "
                    + e.getMessage() + ", not " + kind, fix);
            error.initCause(e);
            throw error;
        }
        return e;
    }
}
