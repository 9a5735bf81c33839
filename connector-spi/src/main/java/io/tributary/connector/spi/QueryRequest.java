package io.tributary.connector.spi;

import java.util.Objects;

/**
 * One query to run: the query type and its validated parameters. Build one with
 * {@code connector-host}'s validator, or in tests with {@link QueryParameters#of}.
 *
 * @param queryType the query type, one of the connector's
 * @param parameters parameters validated against that query type
 */
public record QueryRequest(QueryType queryType, QueryParameters parameters) {

    /** Checks that the parameters were validated against this query type. */
    public QueryRequest {
        Objects.requireNonNull(queryType, "queryType");
        Objects.requireNonNull(parameters, "parameters");
        if (!parameters.queryTypeId().equals(queryType.id())) {
            throw new IllegalArgumentException("Parameters validated for " + parameters.queryTypeId()
                    + " cannot be used with " + queryType.id());
        }
    }

    /**
     * Shorthand for {@code queryType().id()}.
     *
     * @return the query type's id
     */
    public String queryTypeId() {
        return queryType.id();
    }
}
