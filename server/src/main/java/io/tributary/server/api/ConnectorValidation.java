package io.tributary.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tributary.connector.spi.AccountIdentity;
import io.tributary.connector.spi.CapabilityStatus;
import java.util.List;
import java.util.Map;

/** {@code POST /api/v1/connectors/{type}/validate}: a check of credentials and a query, nothing saved. */
public final class ConnectorValidation {

    private ConnectorValidation() {
    }

    /**
     * What to check.
     *
     * @param credentials the connector's credential fields, as for a data source
     * @param queryConfig a query type and its parameters, as for a block; optional
     */
    @Schema(name = "ValidationRequest")
    public record Request(Map<String, String> credentials, BlockRequest.QueryConfig queryConfig) {
    }

    /**
     * The outcome: every problem found, as data (a form shows them beside their fields), and what
     * the provider said of the credentials when they could be checked.
     *
     * @param valid whether nothing is wrong
     * @param account the account the credentials open, when the provider accepted them
     * @param permissions what the credentials can serve, when the provider accepted them
     */
    @Schema(name = "ValidationResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(boolean valid,
                         @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<Problem> problems,
                         @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) AccountIdentity account,
                         @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<CapabilityStatus> permissions,
                         @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<String> warnings) {
    }

    /**
     * One problem.
     *
     * @param field where, as the request names it ({@code credentials.apiKey}, {@code queryConfig.params.limit})
     * @param code a stable code, such as {@code invalid_credentials}, {@code required}, {@code out_of_range}
     */
    @Schema(name = "ValidationProblem")
    public record Problem(@Schema(nullable = true) String field, String code, String message) {
    }
}
