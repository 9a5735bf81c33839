package io.tributary.connector.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A query a binding can run, such as {@code stripe.mrr}: its parameters and the shape of its
 * result. The host validates parameters against {@link #parameters()} before any connector code
 * runs, and checks projections against {@link #resultFields()} when a binding is saved.
 *
 * @param id the id, {@code <connector type id>.<name>}, such as {@code stripe.recent_charges}
 * @param description what it computes, for people
 * @param parameters its parameters; may be empty
 * @param resultFields the top-level fields of its result object; not empty
 */
public record QueryType(String id, String description, List<ParameterSpec> parameters,
                        List<ResultField> resultFields) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*\\.[a-z][a-z0-9_]*");

    /** Checks and copies the inputs. */
    public QueryType {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Query type id must look like '<connector>.<name>' in lower case: '" + id + "'");
        }
        Checks.text(description, "description");
        parameters = Checks.list(parameters, "parameters");
        resultFields = Checks.list(resultFields, "resultFields");
        Checks.unique(parameters, ParameterSpec::name, "Parameter of " + id);
        Checks.unique(resultFields, ResultField::name, "Result field of " + id);
        if (resultFields.isEmpty()) {
            throw new IllegalArgumentException("Query type '" + id + "' must declare its result fields");
        }
    }

    /**
     * The parameter with this name.
     *
     * @param name the parameter's name
     * @return the parameter, or empty
     */
    public Optional<ParameterSpec> parameter(String name) {
        return parameters.stream().filter(parameter -> parameter.name().equals(name)).findFirst();
    }
}
