package io.tributary.connector.spi;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A query a binding can run, such as {@code stripe.mrr}: its parameters and the shape of its
 * result. The host validates parameters against {@link #parameters()} before any connector code
 * runs, and checks projections against {@link #resultFields()} when a binding is saved.
 *
 * <p>Build one with {@link #builder}: {@code QueryType.builder("acme.count", "Counts things.")
 * .parameter(ParameterSpec.string("kind", "Which things.")).resultField(ResultField.of("count",
 * FieldType.INTEGER, "How many.")).build()}.
 */
// Serialised from its fields (named as its accessors), as it was as a record: hosts render forms from this JSON.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class QueryType {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*\\.[a-z][a-z0-9_]*");

    private final String id;
    private final String description;
    private final List<ParameterSpec> parameters;
    private final List<ResultField> resultFields;
    private final boolean resultFieldsPerRequest;

    private QueryType(Builder builder) {
        this.resultFieldsPerRequest = builder.resultFieldsPerRequest;
        this.id = Objects.requireNonNull(builder.id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Query type id must look like '<connector>.<name>' in lower case: '" + id + "'");
        }
        this.description = Checks.text(builder.description, "description");
        this.parameters = Checks.list(builder.parameters, "parameters");
        this.resultFields = Checks.list(builder.resultFields, "resultFields");
        Checks.unique(parameters, ParameterSpec::name, "Parameter of " + id);
        Checks.unique(resultFields, ResultField::name, "Result field of " + id);
        if (resultFields.isEmpty()) {
            throw new IllegalArgumentException("Query type '" + id + "' must declare its result fields");
        }
    }

    /**
     * Starts a query type.
     *
     * @param id {@code <connector type id>.<name>}, such as {@code stripe.recent_charges}
     * @param description what it computes, for people
     * @return a builder
     */
    public static Builder builder(String id, String description) {
        return new Builder(id, description);
    }

    /** @return the id, {@code <connector type id>.<name>} */
    public String id() {
        return id;
    }

    /** @return what it computes, for people */
    public String description() {
        return description;
    }

    /** @return its parameters; may be empty */
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    /** @return the top-level fields of its result object; not empty */
    public List<ResultField> resultFields() {
        return resultFields;
    }

    /**
     * Whether a result's fields depend on the request (the columns of a user-written SQL query):
     * then {@link #resultFields()} is the shape every result shares, and the host asks
     * {@link Connector#resultFields} for the rest when a binding is saved. Since SPI 2.1.
     *
     * @return true when the connector describes each request's result itself
     */
    public boolean resultFieldsPerRequest() {
        return resultFieldsPerRequest;
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

    @Override
    public boolean equals(Object other) {
        return other instanceof QueryType that && id.equals(that.id) && description.equals(that.description)
                && parameters.equals(that.parameters) && resultFields.equals(that.resultFields)
                && resultFieldsPerRequest == that.resultFieldsPerRequest;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, description, parameters, resultFields, resultFieldsPerRequest);
    }

    @Override
    public String toString() {
        return "QueryType[" + id + "]";
    }

    /** Builds a {@link QueryType}. */
    public static final class Builder {
        private final String id;
        private final String description;
        private final List<ParameterSpec> parameters = new ArrayList<>();
        private final List<ResultField> resultFields = new ArrayList<>();
        private boolean resultFieldsPerRequest;

        private Builder(String id, String description) {
            this.id = id;
            this.description = description;
        }

        /**
         * Adds parameters, in display order.
         *
         * @param specs the parameters
         * @return this builder
         */
        public Builder parameter(ParameterSpec... specs) {
            parameters.addAll(List.of(specs));
            return this;
        }

        /**
         * Adds top-level result fields.
         *
         * @param fields the fields
         * @return this builder
         */
        public Builder resultField(ResultField... fields) {
            resultFields.addAll(List.of(fields));
            return this;
        }

        /**
         * Each request's result has fields of its own, described by {@link Connector#resultFields};
         * the declared result fields are what every result shares. Since SPI 2.1.
         *
         * @return this builder
         */
        public Builder resultFieldsPerRequest() {
            this.resultFieldsPerRequest = true;
            return this;
        }

        /**
         * The query type.
         *
         * @return a checked query type
         * @throws IllegalArgumentException when a value is invalid
         */
        public QueryType build() {
            return new QueryType(this);
        }
    }
}
