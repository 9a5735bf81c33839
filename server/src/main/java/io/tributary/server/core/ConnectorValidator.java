package io.tributary.server.core;

import io.tributary.connector.host.ConnectorRegistry;
import io.tributary.connector.host.CredentialsValidator;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.ValidationProblem;
import io.tributary.server.api.BlockRequest;
import io.tributary.server.api.ConnectorValidation.Problem;
import io.tributary.server.api.ConnectorValidation;
import io.tributary.server.problems.InvalidInput;
import io.tributary.server.problems.NotFound;
import io.tributary.server.sources.ConnectorContexts;
import io.tributary.server.sources.ConnectorFailures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks credentials (offline, then with the provider) and a query's parameters for a connector,
 * and returns every problem as data, without saving, decrypting or auditing anything: what a form
 * asks before it creates a data source or a block. Only a provider that cannot be reached is an
 * error (503, retry later), since it says nothing about what was sent.
 */
public final class ConnectorValidator {

    private final ConnectorRegistry connectors;
    private final ConnectorContexts contexts;

    public ConnectorValidator(ConnectorRegistry connectors, ConnectorContexts contexts) {
        this.connectors = connectors;
        this.contexts = contexts;
    }

    public ConnectorValidation.Result validate(String type, ConnectorValidation.Request request) {
        InstalledConnector connector = connectors.find(type).orElseThrow(() -> new NotFound("Connector " + type));
        if (request == null) {
            throw new InvalidInput(null, "Send {\"credentials\": {...}, \"queryConfig\": {\"type\": ..., \"params\": {...}}}");
        }
        List<Problem> problems = new ArrayList<>();
        Optional<CredentialCheck> check = checkCredentials(connector, request.credentials(), problems);
        if (request.queryConfig() != null) {
            checkQuery(connector, request.queryConfig(), check, problems);
        }
        return new ConnectorValidation.Result(problems.isEmpty(), List.copyOf(problems), check.map(CredentialCheck::account).orElse(null),
                check.map(CredentialCheck::capabilities).orElse(null), check.map(CredentialCheck::warnings).orElse(List.of()));
    }

    private Optional<CredentialCheck> checkCredentials(InstalledConnector connector, Map<String, String> given, List<Problem> problems) {
        if (given == null) {
            problems.add(new Problem("credentials", "required", "'credentials' is required"));
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                values.put(DataSourceService.snake(name), value.strip());
            }
        });
        List<ValidationProblem> offline = CredentialsValidator.problems(connector, values);
        offline.forEach(problem -> problems.add(new Problem("credentials." + DataSourceService.camel(problem.field()), problem.code(),
                problem.message())));
        if (!offline.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(connector.connector().validateCredentials(contexts.withPlainCredentials(
                    new Credentials(values))));
        } catch (ConnectorException e) {
            if (e.kind().retryable()) {
                throw e; // the provider could not be asked: 503 with Retry-After, nothing learnt about the credentials
            }
            String field = e.field().map(name -> "credentials." + DataSourceService.camel(name)).orElse("credentials");
            problems.add(new Problem(field, ConnectorFailures.stopsSource(e) ? "invalid_credentials" : e.errorCode().code(), e.getMessage()));
            return Optional.empty();
        }
    }

    private static void checkQuery(InstalledConnector connector, BlockRequest.QueryConfig query, Optional<CredentialCheck> check,
                                   List<Problem> problems) {
        Optional<QueryType> queryType = query.type() == null ? Optional.empty() : connector.descriptor().queryType(query.type());
        if (queryType.isEmpty()) {
            problems.add(new Problem("queryConfig.type", query.type() == null ? "required" : "unknown_query_type",
                    query.type() == null ? "'queryConfig.type' is required" : "'" + query.type() + "' is not a query type of "
                            + connector.descriptor().displayName()));
            return;
        }
        List<ValidationProblem> parameters = ParameterValidator.problems(queryType.get(), query.params());
        parameters.forEach(problem -> problems.add(new Problem("queryConfig.params." + problem.field(), problem.code(), problem.message())));
        if (parameters.isEmpty()) {
            try {
                ParameterValidator.prepare(connector, query.type(), query.params()); // the connector's own checks
            } catch (ConnectorException e) {
                problems.add(new Problem(e.field().map(name -> "queryConfig.params." + name).orElse("queryConfig"), e.errorCode().code(),
                        e.getMessage()));
            }
        }
        check.filter(accepted -> !accepted.canRun(query.type())).ifPresent(accepted -> problems.add(new Problem("queryConfig.type",
                "permission_missing", "These credentials cannot run " + query.type() + missingPermission(accepted, query.type()))));
    }

    private static String missingPermission(CredentialCheck check, String queryType) {
        return check.capabilities().stream().filter(status -> status.id().equals(queryType) && status.missingPermission() != null)
                .findFirst().map(status -> ": grant " + status.missingPermission()).orElse("");
    }
}
