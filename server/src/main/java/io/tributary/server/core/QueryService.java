package io.tributary.server.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ConnectorRegistry;
import io.tributary.connector.spi.InstalledConnector;
import io.tributary.connector.spi.ParameterValidator;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.server.auth.Caller;
import io.tributary.server.db.DataSourceRow;
import io.tributary.server.errors.ApiException;
import java.time.Instant;
import java.util.List;
import io.tributary.server.mirror.MirrorAnswers;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs one query for an API caller: validated first, then one audited decryption, and the answer
 * from the dataset mirror when it holds what the query needs, else from the provider.
 */
public final class QueryService {

    /** A query's answer; {@code source} is {@code mirror} or {@code live}. */
    public record Answer(String type, JsonNode data, List<String> notices, Instant fetchedAt, String source) {
    }

    private final Jdbi jdbi;
    private final ConnectorRegistry connectors;
    private final ConnectorContexts contexts;
    private final StoredCredentials credentials;
    private final DataSourceService dataSources;
    private final MirrorAnswers answers;

    public QueryService(Jdbi jdbi, ConnectorRegistry connectors, ConnectorContexts contexts, StoredCredentials credentials,
                        DataSourceService dataSources, MirrorAnswers answers) {
        this.answers = answers;
        this.jdbi = jdbi;
        this.connectors = connectors;
        this.contexts = contexts;
        this.credentials = credentials;
        this.dataSources = dataSources;
    }

    public Answer run(Caller caller, String dataSourceId, String type, JsonNode params) {
        if (dataSourceId == null) {
            throw ApiException.invalid("dataSourceId", "'dataSourceId' is required");
        }
        DataSourceRow source = dataSources.find(caller, dataSourceId);
        InstalledConnector connector = connectors.find(source.type())
                .orElseThrow(() -> ApiException.invalid("dataSourceId", "The data source's connector is not installed"));
        QueryRequest request;
        try {
            request = ParameterValidator.prepare(connector.connector(), type, params);
        } catch (ConnectorException e) {
            String field = e.field().map(name -> name.equals("type") ? "type" : "params." + name).orElse("params");
            throw new ApiException(422, e.errorCode().code(), e.getMessage(), field);
        }
        MirrorAnswers.Answer answer = answers.session(source, connector, contexts.forOperation(source.type(),
                () -> credentials.open(source.id(), caller.actor()))).answer(request);
        QueryResult result = answer.result();
        return new Answer(request.queryTypeId(), result.data(), result.notices(), contexts.now(), answer.from());
    }
}
