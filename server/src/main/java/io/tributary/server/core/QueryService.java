package io.tributary.server.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.server.db.AnsweredFrom;
import io.tributary.server.db.DataSourceRow;
import io.tributary.server.mirror.MirrorAnswers;
import io.tributary.server.problems.InvalidInput;
import io.tributary.server.sources.SourceOperation;
import io.tributary.server.sources.SourceOperations;
import java.time.Instant;
import java.util.List;

/**
 * Runs one query for an API caller: validated first, then one audited decryption, and the answer
 * from the dataset mirror when it holds what the query needs, else from the provider.
 */
public final class QueryService {

    /** A query's answer, and where it came from. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "QueryAnswer")
    public record Answer(String type, JsonNode data, List<String> notices, Instant fetchedAt, AnsweredFrom source) {
    }

    private final SourceOperations operations;
    private final DataSourceService dataSources;
    private final MirrorAnswers answers;

    public QueryService(SourceOperations operations, DataSourceService dataSources, MirrorAnswers answers) {
        this.operations = operations;
        this.dataSources = dataSources;
        this.answers = answers;
    }

    public Answer run(Caller caller, String dataSourceId, String type, JsonNode params) {
        if (dataSourceId == null) {
            throw new InvalidInput("dataSourceId", "'dataSourceId' is required");
        }
        DataSourceRow source = dataSources.find(caller, dataSourceId);
        SourceOperation operation = operations.start(source, caller.actor())
                .orElseThrow(() -> new InvalidInput("dataSourceId", "The data source's connector is not installed"));
        InstalledConnector connector = operation.connector();
        QueryRequest request;
        try {
            request = ParameterValidator.prepare(connector, type, params);
        } catch (ConnectorException e) {
            String field = e.field().map(name -> name.equals("type") ? "type" : "params." + name).orElse("params");
            throw new InvalidInput(e.errorCode().code(), field, e.getMessage());
        }
        MirrorAnswers.Answer answer = answers.session(operation).answer(request);
        QueryResult result = answer.result();
        return new Answer(request.queryTypeId(), result.data(), result.notices(), operations.contexts().now(), answer.from());
    }
}
