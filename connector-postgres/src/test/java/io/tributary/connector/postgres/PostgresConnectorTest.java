package io.tributary.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.ParameterValidator;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.spi.ResultField;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The connector's own behaviour beyond the contract: described columns, refusals, the pool. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresConnectorTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @TempDir
    static Path directory;

    private CustomerDatabase database;

    @BeforeAll
    void start() {
        database = CustomerDatabase.start(directory.resolve("pg"));
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @Test
    void resultFieldsDescribeTheStatementsColumns() {
        CountingOpener counter = new CountingOpener();
        try (PostgresConnector connector = connector(counter, 2)) {
            List<ResultField> fields = connector.resultFields(reader(), request("SELECT count(*) AS n, sum(amount) AS total,"
                    + " :region AS region, 1 AS \"Mixed\" FROM orders WHERE region = :region", Map.of("region", "eu"))).orElseThrow();

            ResultField rows = fields.stream().filter(field -> field.name().equals("rows")).findFirst().orElseThrow();
            assertThat(rows.type()).isEqualTo(FieldType.ARRAY);
            assertThat(rows.fields()).extracting(field -> field.name() + " " + field.type() + " " + field.nullable())
                    .as("a column whose name is not a field name cannot be projected, so it is left out")
                    .containsExactly("n INTEGER true", "total NUMBER true", "region STRING true");
            assertThat(fields).extracting(ResultField::name).containsExactly("columns", "rows", "row_count", "truncated", "notices");
        }
        assertThat(database.count("SELECT count(*) FROM orders")).isEqualTo(4);
    }

    @Test
    void aQueryBindsItsParametersAndReturnsTheRows() {
        try (PostgresConnector connector = connector(new CountingOpener(), 2)) {
            QueryResult result = connector.runQuery(reader(), request(
                    "SELECT count(*) AS n, sum(amount) AS total FROM orders WHERE region = :region", Map.of("region", "eu")));
            JsonNode row = result.data().at("/rows/0");
            assertThat(row.get("n").asLong()).isEqualTo(3);
            assertThat(row.get("total").decimalValue()).isEqualByComparingTo("31.75");
            assertThat(result.data().get("row_count").asInt()).isEqualTo(1);
            assertThat(result.data().get("truncated").asBoolean()).isFalse();
        }
    }

    @Test
    void theLimitTruncatesWithANoticeOrRefuses() {
        try (PostgresConnector connector = connector(new CountingOpener(), 2)) {
            ObjectNode parameters = parameters("SELECT id FROM orders ORDER BY id", Map.of()).put("limit", 2);
            QueryResult truncated = connector.runQuery(reader(), prepare(connector, parameters));
            assertThat(truncated.data().get("row_count").asInt()).isEqualTo(2);
            assertThat(truncated.data().get("truncated").asBoolean()).isTrue();
            assertThat(truncated.notices()).singleElement().asString().contains("more than 2 rows");

            QueryRequest refusing = prepare(connector, parameters.put("on_cap", "refuse"));
            assertThatThrownBy(() -> connector.runQuery(reader(), refusing)).isInstanceOfSatisfying(ConnectorException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(PostgresErrorCodes.ROW_CAP));
        }
    }

    @Test
    void aRefusedStatementNeverReachesTheDatabase() {
        CountingOpener counter = new CountingOpener();
        try (PostgresConnector connector = connector(counter, 2)) {
            ObjectNode several = parameters("SELECT 1 AS one; DELETE FROM orders", Map.of());
            assertThatThrownBy(() -> prepare(connector, several)).isInstanceOfSatisfying(ConnectorException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(PostgresErrorCodes.MULTIPLE_STATEMENTS);
                assertThat(e.field()).contains("sql");
            });
            QueryRequest valid = request("SELECT 1 AS one", Map.of());
            QueryRequest copy = new QueryRequest(valid.queryType(), ParameterValidator.validate(valid.queryType(),
                    parameters("COPY orders TO PROGRAM 'true'", Map.of())));
            assertThatThrownBy(() -> connector.runQuery(reader(), copy)).isInstanceOfSatisfying(ConnectorException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(PostgresErrorCodes.COPY_PROGRAM));
            assertThatThrownBy(() -> connector.resultFields(reader(), copy)).isInstanceOf(ConnectorException.class);
            assertThat(counter.calls()).as("no connection opened, no call made").isZero();
        }
    }

    @Test
    void aWriteIsRefusedByTheDatabaseEvenForARoleThatMayWrite() {
        CountingOpener counter = new CountingOpener();
        try (PostgresConnector connector = connector(counter, 2)) {
            ConnectorContext owner = database.context("owner", CustomerDatabase.OWNER_PASSWORD);
            assertThatThrownBy(() -> connector.runQuery(owner, request("UPDATE orders SET amount = 0", Map.of())))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.errorCode()).isEqualTo(PostgresErrorCodes.WRITE_REFUSED));
            assertThatThrownBy(() -> connector.resultFields(owner, request("DELETE FROM orders", Map.of())))
                    .as("refused when a block is saved, too")
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.errorCode()).isEqualTo(PostgresErrorCodes.WRITE_REFUSED));
            assertThatThrownBy(() -> connector.resultFields(owner, request("WITH gone AS (DELETE FROM orders RETURNING id)"
                    + " SELECT count(*) AS n FROM gone", Map.of())))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.errorCode()).isEqualTo(PostgresErrorCodes.WRITE_REFUSED));
            assertThat(counter.calls()).as("PostgreSQL was asked, and refused").isPositive();
        }
        assertThat(database.count("SELECT count(*) FROM orders")).isEqualTo(4);
    }

    @Test
    void validCredentialsNameTheRoleAndWarnWhenItMayWrite() {
        try (PostgresConnector connector = connector(new CountingOpener(), 2)) {
            CredentialCheck reader = connector.validateCredentials(reader());
            assertThat(reader.account().accountId()).isEqualTo("reader@127.0.0.1:" + database.port() + "/postgres");
            assertThat(reader.account().livemode()).isTrue();
            assertThat(reader.account().displayName()).startsWith("PostgreSQL ").contains("postgres as reader");
            assertThat(reader.canRun(SqlQueryType.ID)).isTrue();
            assertThat(reader.warnings()).isEmpty();

            CredentialCheck owner = connector.validateCredentials(database.context("owner", CustomerDatabase.OWNER_PASSWORD));
            assertThat(owner.warnings()).singleElement().asString().contains("The role owner can write")
                    .contains("CREATE ROLE tributary_reader").doesNotContain(CustomerDatabase.OWNER_PASSWORD);
        }
    }

    @Test
    void connectionsAreReusedPerCredentialsAndClosedWithTheConnector() throws Exception {
        CountingOpener counter = new CountingOpener();
        PostgresConnector connector = connector(counter, 2);
        for (int i = 0; i < 3; i++) {
            connector.runQuery(reader(), request("SELECT 1 AS one", Map.of()));
        }
        assertThat(counter.opened()).as("one connection, reused").isEqualTo(1);
        connector.runQuery(database.context("owner", CustomerDatabase.OWNER_PASSWORD), request("SELECT 1 AS one", Map.of()));
        assertThat(connector.pools().poolCount()).as("a pool per credentials").isEqualTo(2);
        assertThat(counter.opened()).isEqualTo(2);

        ConnectionPool readerPool = connector.pools().find(CustomerDatabase.credentialsOf(database, "reader", CustomerDatabase.READER_PASSWORD));
        assertThat(readerPool.idleCount()).isEqualTo(1);
        assertThat(counter.openConnections()).isEqualTo(2);
        connector.close();
        connector.close();
        assertThat(readerPool.idleCount()).isZero();
        assertThat(counter.openConnections()).as("closing the connector closed every connection").isZero();
    }

    private PostgresConnector connector(CountingOpener counter, int poolSize) {
        return (PostgresConnector) counter.factory().create(ConnectorSettings.of(PostgresSettings.schema(), Map.of("pool_size", poolSize)));
    }

    private ConnectorContext reader() {
        return database.context("reader", CustomerDatabase.READER_PASSWORD);
    }

    private static QueryRequest request(String sql, Map<String, Object> params) {
        return new QueryRequest(SqlQueryType.QUERY_TYPE, ParameterValidator.validate(SqlQueryType.QUERY_TYPE, parameters(sql, params)));
    }

    private static QueryRequest prepare(PostgresConnector connector, ObjectNode parameters) {
        QueryRequest request = new QueryRequest(SqlQueryType.QUERY_TYPE, ParameterValidator.validate(SqlQueryType.QUERY_TYPE, parameters));
        connector.checkParameters(request);
        return request;
    }

    private static ObjectNode parameters(String sql, Map<String, Object> params) {
        ObjectNode parameters = JSON.objectNode().put("sql", sql);
        ObjectNode values = parameters.putObject("params");
        params.forEach((name, value) -> values.put(name, String.valueOf(value)));
        return parameters;
    }
}
