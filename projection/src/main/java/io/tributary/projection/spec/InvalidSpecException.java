package io.tributary.projection.spec;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by the convenience methods that want a valid spec or nothing; carries every problem found. */
public final class InvalidSpecException extends RuntimeException {

    private final transient List<SpecProblem> problems;

    public InvalidSpecException(List<SpecProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
        if (this.problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid spec has at least one problem");
        }
    }

    /** Every problem found, in the order found. */
    public List<SpecProblem> problems() {
        return problems;
    }

    private static String describe(List<SpecProblem> problems) {
        return "Invalid projection spec: "
                + problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; "));
    }
}
