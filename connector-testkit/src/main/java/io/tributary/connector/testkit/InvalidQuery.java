package io.tributary.connector.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Parameters a connector must refuse before touching the network, beyond what its schema says:
 * the contract test expects an {@code INVALID_PARAMETERS} failure naming {@link #field()}, with no
 * credential read and no request sent.
 *
 * @param queryTypeId the query type
 * @param parameters the raw parameters object
 * @param field the field the failure must name
 */
public record InvalidQuery(String queryTypeId, JsonNode parameters, String field) {

    /** Checks and copies the inputs. */
    public InvalidQuery {
        Objects.requireNonNull(queryTypeId, "queryTypeId");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(field, "field");
        parameters = parameters.deepCopy();
    }

    @Override
    public JsonNode parameters() {
        return parameters.deepCopy();
    }
}
