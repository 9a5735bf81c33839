package io.tributary.connector.postgres;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorFactory;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.testkit.Capability;
import io.tributary.connector.testkit.ConnectorContractTest;
import io.tributary.connector.testkit.InvalidQuery;
import io.tributary.connector.host.Contexts;
import io.tributary.connector.spi.Credentials;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract kit against a customer's embedded PostgreSQL. Requests are counted by the test's
 * {@link CountingOpener}: every connection opened and every call on one.
 */
class PostgresConnectorContractTest extends ConnectorContractTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @TempDir
    static Path directory;

    private final CountingOpener counter = new CountingOpener();
    private CustomerDatabase database;

    @BeforeAll
    void startDatabase() {
        database = CustomerDatabase.start(directory.resolve("pg"));
    }

    @AfterAll
    void stopDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected ConnectorFactory factory() {
        return counter.factory();
    }

    @Override
    protected Map<String, ?> settings() {
        return Map.of("pool_size", 2, "default_statement_timeout_seconds", 5);
    }

    @Override
    protected Set<Capability> expectedCapabilities() {
        return EnumSet.of(Capability.STREAMS);
    }

    @Override
    protected ConnectorContext contextWithValidCredentials() {
        return database.context("reader", CustomerDatabase.READER_PASSWORD);
    }

    @Override
    protected ConnectorContext contextWithRejectedCredentials() {
        return database.context("reader", "not-the-password-0000");
    }

    @Override
    protected ConnectorContext contextWithUnavailableProvider() {
        Map<String, String> values = CustomerDatabase.credentials(CustomerDatabase.closedPort(), "reader", CustomerDatabase.READER_PASSWORD);
        return Contexts.builder().credentials(() -> new Credentials(values)).build();
    }

    @Override
    protected Optional<ConnectorContext> contextWithMissingPermission() {
        return Optional.of(database.context("outsider", CustomerDatabase.OUTSIDER_PASSWORD));
    }

    @Override
    protected long providerRequestCount() {
        return counter.calls();
    }

    @Override
    protected ObjectNode sampleParameters(QueryType queryType) {
        ObjectNode parameters = JSON.objectNode().put("sql", "SELECT id, region, amount FROM orders WHERE region = :region ORDER BY id");
        parameters.putObject("params").put("region", "eu");
        return parameters;
    }

    @Override
    protected List<InvalidQuery> connectorSpecificInvalidQueries() {
        return List.of(
                sql("SELECT 1; DELETE FROM orders", "sql"),
                sql("BEGIN", "sql"),
                sql("SET statement_timeout = 0", "sql"),
                sql("COPY orders TO PROGRAM 'cat > /tmp/x'", "sql"),
                sql("-- nothing", "sql"),
                sql("SELECT * FROM orders WHERE region = :region", "region"),
                withParams("SELECT 1 AS one", JSON.objectNode().put("stray", 1), "stray"),
                withParams("SELECT :values AS v", objectWithArray(), "values"));
    }

    private static InvalidQuery sql(String sql, String field) {
        return new InvalidQuery(SqlQueryType.ID, JSON.objectNode().put("sql", sql), field);
    }

    private static InvalidQuery withParams(String sql, ObjectNode params, String field) {
        ObjectNode parameters = JSON.objectNode().put("sql", sql);
        parameters.set("params", params);
        return new InvalidQuery(SqlQueryType.ID, parameters, field);
    }

    private static ObjectNode objectWithArray() {
        ObjectNode params = JSON.objectNode();
        params.putArray("values").add(1).add(2);
        return params;
    }
}
