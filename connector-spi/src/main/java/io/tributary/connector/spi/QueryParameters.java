package io.tributary.connector.spi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A query's parameters after validation against its {@link QueryType}: every value has the Java
 * type of its {@link ParameterType}, defaults are filled in, and nothing undeclared is present.
 * {@link #of} checks every value against the schema, so holding one proves the parameters fit.
 */
public final class QueryParameters {

    private final String queryTypeId;
    private final Map<String, Object> values;

    private QueryParameters(String queryTypeId, Map<String, Object> values) {
        this.queryTypeId = queryTypeId;
        this.values = values;
    }

    /**
     * Parameters for a query type, checked against its schema, defaults filled in. Hosts build them
     * from raw input with the {@code connector-host} module's validator; tests build them here.
     *
     * @param queryType the query type
     * @param values name to value, each of its parameter's Java type ({@link ParameterType#javaType()};
     *     an {@code Integer} is taken as a {@code Long})
     * @return the parameters
     * @throws IllegalArgumentException when a value is undeclared, of the wrong type, breaks a
     *     constraint, or a required parameter is missing
     */
    public static QueryParameters of(QueryType queryType, Map<String, ?> values) {
        return new QueryParameters(queryType.id(), TypedValues.check(queryType.parameters(), values, queryType.id()));
    }

    /**
     * The query type these parameters were validated against.
     *
     * @return its id
     */
    public String queryTypeId() {
        return queryTypeId;
    }

    /**
     * A {@code STRING} parameter.
     *
     * @param name the parameter
     * @return its value, or empty when absent and without default
     */
    public Optional<String> string(String name) {
        return get(name, String.class);
    }

    /**
     * An {@code INTEGER} parameter.
     *
     * @param name the parameter
     * @return its value, or empty when absent and without default
     */
    public Optional<Long> integer(String name) {
        return get(name, Long.class);
    }

    /**
     * A {@code NUMBER} parameter.
     *
     * @param name the parameter
     * @return its value, or empty when absent and without default
     */
    public Optional<BigDecimal> number(String name) {
        return get(name, BigDecimal.class);
    }

    /**
     * A {@code BOOLEAN} parameter.
     *
     * @param name the parameter
     * @return its value, or empty when absent and without default
     */
    public Optional<Boolean> bool(String name) {
        return get(name, Boolean.class);
    }

    /**
     * A {@code TIMESTAMP} parameter.
     *
     * @param name the parameter
     * @return its value, or empty when absent
     */
    public Optional<Instant> timestamp(String name) {
        return get(name, Instant.class);
    }

    /**
     * An {@code OBJECT} parameter. Since SPI 2.1.
     *
     * @param name the parameter
     * @return a copy of its value, or empty when absent
     */
    public Optional<ObjectNode> object(String name) {
        return get(name, ObjectNode.class).map(ObjectNode::deepCopy);
    }

    /**
     * Every value, by name.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * The parameters as JSON, timestamps as unix seconds, for storing with a binding.
     *
     * @return a new object, with members in name order
     */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        new java.util.TreeMap<>(values).forEach((name, value) -> {
            if (value instanceof String text) {
                json.put(name, text);
            } else if (value instanceof Long number) {
                json.put(name, number);
            } else if (value instanceof BigDecimal decimal) {
                json.put(name, decimal);
            } else if (value instanceof Boolean flag) {
                json.put(name, flag);
            } else if (value instanceof Instant instant) {
                json.put(name, instant.getEpochSecond());
            } else if (value instanceof ObjectNode object) {
                json.set(name, object.deepCopy());
            }
        });
        return json;
    }

    private <T> Optional<T> get(String name, Class<T> type) {
        return TypedValues.get(values, name, type, queryTypeId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QueryParameters that && queryTypeId.equals(that.queryTypeId) && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return queryTypeId.hashCode() * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        return "QueryParameters[" + queryTypeId + ", " + new LinkedHashMap<>(new java.util.TreeMap<>(values)) + "]";
    }
}
