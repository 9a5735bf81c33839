package io.tributary.projection.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of reading (and possibly validating) a spec: the spec when nothing is wrong, otherwise every
 * problem found so an API can show them all at once.
 */
public record SpecParseResult(Optional<ProjectionSpec> spec, List<SpecProblem> problems) {

    public SpecParseResult {
        Objects.requireNonNull(spec, "spec");
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        if (spec.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("A result has either a spec or problems, not both or neither");
        }
    }

    /** A successful result. */
    public static SpecParseResult valid(ProjectionSpec spec) {
        return new SpecParseResult(Optional.of(spec), List.of());
    }

    /** A failed result. */
    public static SpecParseResult invalid(List<SpecProblem> problems) {
        return new SpecParseResult(Optional.empty(), problems);
    }

    /** Whether a spec was produced. */
    public boolean isValid() {
        return spec.isPresent();
    }

    /** The spec, or an exception carrying every problem. */
    public ProjectionSpec orThrow() {
        return spec.orElseThrow(() -> new InvalidSpecException(problems));
    }
}
