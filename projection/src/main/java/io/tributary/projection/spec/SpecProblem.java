package io.tributary.projection.spec;

import java.util.Objects;

/**
 * One thing wrong with a projection spec.
 *
 * @param code    what kind of problem; see {@link ProblemCode#id()} for the stable identifier
 * @param field   the widget field concerned, e.g. {@code fields.items.each.fields.amount}; {@code fields}
 *                for the field map itself and the empty string for the spec as a whole
 * @param message a sentence for the spec's author
 */
public record SpecProblem(ProblemCode code, String field, String message) {

    public SpecProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return code.id() + (field.isEmpty() ? "" : " at " + field) + ": " + message;
    }
}
