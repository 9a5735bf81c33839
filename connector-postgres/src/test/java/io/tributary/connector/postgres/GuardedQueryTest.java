package io.tributary.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.postgres.QueryLimits.CapMode;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.connector.spi.FieldType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard against a real PostgreSQL: what it refuses, what it bounds, and how values are bound. */
class GuardedQueryTest extends EmbeddedPostgresTest {

    private final GuardedQuery guard = new GuardedQuery(QueryLimits.defaults(), MAPPER);

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT INTO audit_log (note) VALUES ('written')",
            "WITH gone AS (DELETE FROM audit_log RETURNING id) SELECT count(*) FROM gone",
            "SELECT log_note('written by a function')",
            "UPDATE orders SET amount = 0",
            "SELECT nextval('audit_log_id_seq')",
            "CREATE TABLE evil (id int)"})
    void theReadOnlyTransactionRefusesWritesEvenToARoleAllowedToWrite(String sql) throws SQLException {
        try (Connection writer = writer()) {
            assertThatThrownBy(() -> guard.run(writer, sql, Map.of()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.errorCode().code()).isEqualTo("postgres.write_refused");
                        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMETERS);
                        assertThat(e.getMessage()).contains("read-only transaction");
                    });
        }
        assertThat(superuserCount("SELECT count(*) FROM audit_log")).isZero();
        assertThat(superuserCount("SELECT count(*) FROM orders WHERE amount = 0")).isZero();
    }

    @Test
    void refusalsBeforeAnythingIsSentNeedNoConnection() throws SQLException {
        Connection closed = reader();
        closed.close();
        for (String sql : List.of("SELECT 1; SELECT 2", "SET statement_timeout = 0", "COMMIT", "COPY orders TO PROGRAM 'x'")) {
            assertThatThrownBy(() -> guard.run(closed, sql, Map.of()))
                    .isInstanceOfSatisfying(ConnectorException.class,
                            e -> assertThat(e.errorCode().code()).startsWith("postgres.").isNotEqualTo("postgres.statement_error"));
        }
        assertThatThrownBy(() -> guard.run(closed, "SELECT :a", Map.of()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.errorCode().code()).isEqualTo("postgres.missing_parameter");
                    assertThat(e.field()).contains("a");
                });
        assertThatThrownBy(() -> guard.run(closed, "SELECT 1", Map.of("extra", 1L)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.errorCode().code()).isEqualTo("postgres.unknown_parameter");
                    assertThat(e.field()).contains("extra");
                });
        assertThatThrownBy(() -> guard.run(closed, "SELECT :a", Map.of("a", List.of(1))))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorCode().code()).isEqualTo("postgres.parameter_type"));
    }

    @Test
    void aStatementLongerThanItsTimeoutIsCancelledByPostgres() throws SQLException {
        GuardedQuery quick = new GuardedQuery(QueryLimits.defaults().withStatementTimeout(Duration.ofMillis(200)), MAPPER);
        long started = System.nanoTime();
        try (Connection reader = reader()) {
            assertThatThrownBy(() -> quick.run(reader, "SELECT pg_sleep(5)", Map.of()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.errorCode().code()).isEqualTo("postgres.timeout");
                        assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
                        assertThat(e.getMessage()).contains("200 ms").contains("statement timeout");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            // The timeout was local to the rolled-back transaction: the session is as it was
            assertThat(show(reader, "statement_timeout")).isEqualTo("0");
        }
    }

    @Test
    void theStatementTimeoutIsCappedByTheMaximum() {
        QueryLimits limits = QueryLimits.defaults().withStatementTimeout(Duration.ofMinutes(10));
        assertThat(limits.statementTimeout()).isEqualTo(QueryLimits.DEFAULT_MAX_STATEMENT_TIMEOUT);
        assertThatThrownBy(() -> QueryLimits.defaults().withRowCap(10_001, CapMode.TRUNCATE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSearchPathAndTimeoutsArePinnedInsideTheTransaction() throws SQLException {
        GuardedQuery pinned = new GuardedQuery(QueryLimits.defaults().withSchemas(List.of("private", "public")), MAPPER);
        try (Connection reader = reader()) {
            SqlResult result = pinned.run(reader, "SELECT current_setting('search_path') AS path,"
                    + " current_setting('statement_timeout') AS timeout, current_setting('transaction_read_only') AS read_only", Map.of());
            assertThat(result.rows().get(0).get("path").asText()).isEqualTo("\"private\", \"public\"");
            assertThat(result.rows().get(0).get("timeout").asText()).isEqualTo("10s");
            assertThat(result.rows().get(0).get("read_only").asText()).isEqualTo("on");
            assertThat(show(reader, "search_path")).isEqualTo("\"$user\", public");
        }
    }

    @Test
    void theRowCapTruncatesWithANotice() throws SQLException {
        GuardedQuery capped = new GuardedQuery(QueryLimits.defaults().withRowCap(10, CapMode.TRUNCATE), MAPPER);
        try (Connection reader = reader()) {
            SqlResult result = capped.run(reader, "SELECT id FROM orders ORDER BY id", Map.of());
            assertThat(result.rowCount()).isEqualTo(10);
            assertThat(result.truncated()).isTrue();
            assertThat(result.notices()).singleElement().asString().contains("more than 10 rows");
            assertThat(result.rows().get(9).get("id").asLong()).isEqualTo(10);

            SqlResult exact = new GuardedQuery(QueryLimits.defaults().withRowCap(50, CapMode.REFUSE), MAPPER)
                    .run(reader, "SELECT id FROM orders", Map.of());
            assertThat(exact.rowCount()).isEqualTo(50);
            assertThat(exact.truncated()).isFalse();
            assertThat(exact.notices()).isEmpty();
        }
    }

    @Test
    void theRowCapCanRefuse() throws SQLException {
        GuardedQuery capped = new GuardedQuery(QueryLimits.defaults().withRowCap(49, CapMode.REFUSE), MAPPER);
        try (Connection reader = reader()) {
            assertThatThrownBy(() -> capped.run(reader, "SELECT id FROM orders", Map.of()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.errorCode().code()).isEqualTo("postgres.row_cap");
                        assertThat(e.getMessage()).contains("more than 49 rows");
                    });
        }
    }

    @Test
    void theByteCapTruncatesOrRefuses() throws SQLException {
        // Each row {"id":N,"customer":"customer N"} is about 30 bytes of JSON
        try (Connection reader = reader()) {
            SqlResult truncated = new GuardedQuery(QueryLimits.defaults().withByteCap(200, CapMode.TRUNCATE), MAPPER)
                    .run(reader, "SELECT id, customer FROM orders ORDER BY id", Map.of());
            assertThat(truncated.truncated()).isTrue();
            assertThat(truncated.rowCount()).isBetween(4, 7);
            assertThat(MAPPER.writeValueAsBytes(truncated.rows()).length).isLessThanOrEqualTo(200);
            assertThat(truncated.notices()).singleElement().asString().contains("larger than 200 bytes");

            assertThatThrownBy(() -> new GuardedQuery(QueryLimits.defaults().withByteCap(200, CapMode.REFUSE), MAPPER)
                    .run(reader, "SELECT id, customer FROM orders", Map.of()))
                    .isInstanceOfSatisfying(ConnectorException.class,
                            e -> assertThat(e.errorCode().code()).isEqualTo("postgres.byte_cap"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSyntaxErrorCarriesPostgresMessageAndThePositionInTheUsersText() throws SQLException {
        String sql = "SELECT :first_value AS a, id FROM orders WHERE WHERE id = 1";
        try (Connection reader = reader()) {
            assertThatThrownBy(() -> guard.run(reader, sql, Map.of("first_value", 1L)))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.errorCode().code()).isEqualTo("postgres.syntax_error");
                        assertThat(e.field()).contains("sql");
                        assertThat(e.getMessage()).contains("syntax error at or near \"WHERE\"")
                                .endsWith("at position " + (sql.indexOf("WHERE id") + 1));
                    });
        }
    }

    @Test
    void aMissingPrivilegeNamesWhatToGrant() throws SQLException {
        try (Connection reader = reader()) {
            assertThatThrownBy(() -> guard.run(reader, "SELECT * FROM private.secrets", Map.of()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_MISSING);
                        assertThat(e.permission()).contains("USAGE ON SCHEMA private");
                    });
        }
    }

    @Test
    void namedParametersAreBoundWithTheirTypesAndLiteralsCommentsAndCastsAreLeftAlone() throws SQLException {
        Map<String, Object> values = new HashMap<>();
        values.put("id", "7");
        values.put("count", 42L);
        values.put("price", new BigDecimal("12345678901234567890.123456789"));
        values.put("flag", true);
        values.put("at", Instant.parse("2024-01-31T10:00:00Z"));
        values.put("nothing", null);
        String sql = """
                SELECT ':id' AS literal, $$ :id $$ AS dollar, :id::int AS cast_id, '5'::int AS five, -- :comment
                       pg_typeof(:count)::text AS count_type, :count AS count, /* :block */
                       pg_typeof(:price)::text AS price_type, :price AS price,
                       pg_typeof(:flag)::text AS flag_type, :flag AS flag,
                       pg_typeof(:at)::text AS at_type, :at AS at, :nothing::int IS NULL AS is_null,
                       (SELECT customer FROM orders WHERE id = :id) AS customer
                """;
        try (Connection reader = reader()) {
            SqlResult result = guard.run(reader, sql, values);
            var row = result.rows().get(0);
            assertThat(row.get("literal").asText()).isEqualTo(":id");
            assertThat(row.get("dollar").asText()).isEqualTo(" :id ");
            assertThat(row.get("cast_id").asLong()).isEqualTo(7);
            assertThat(row.get("five").asLong()).isEqualTo(5);
            assertThat(row.get("count_type").asText()).isEqualTo("bigint");
            assertThat(row.get("count").asLong()).isEqualTo(42);
            assertThat(row.get("price_type").asText()).isEqualTo("numeric");
            assertThat(row.get("price").decimalValue()).isEqualByComparingTo("12345678901234567890.123456789");
            assertThat(row.get("flag_type").asText()).isEqualTo("boolean");
            assertThat(row.get("flag").asBoolean()).isTrue();
            assertThat(row.get("at_type").asText()).isEqualTo("timestamp with time zone");
            assertThat(row.get("at").asLong()).isEqualTo(Instant.parse("2024-01-31T10:00:00Z").getEpochSecond());
            assertThat(row.get("is_null").asBoolean()).isTrue();
            assertThat(row.get("customer").asText()).isEqualTo("customer 7");
        }
    }

    @Test
    void anInjectionAttemptInAValueStaysAValue() throws SQLException {
        try (Connection reader = reader()) {
            for (String attack : List.of("x' OR '1'='1", "1; DROP TABLE orders; --", "$$; COMMIT; $$")) {
                SqlResult result = guard.run(reader, "SELECT count(*) AS n, :attack AS echoed FROM orders WHERE customer = :attack",
                        Map.of("attack", attack));
                assertThat(result.rows().get(0).get("n").asLong()).isZero();
                assertThat(result.rows().get(0).get("echoed").asText()).isEqualTo(attack);
            }
        }
        assertThat(superuserCount("SELECT count(*) FROM orders")).isEqualTo(50);
    }

    @Test
    void duplicateColumnNamesAreRefusedSinceRowsAreKeyedByName() throws SQLException {
        try (Connection reader = reader()) {
            assertThatThrownBy(() -> guard.run(reader, "SELECT 1, 2", Map.of()))
                    .isInstanceOfSatisfying(ConnectorException.class,
                            e -> assertThat(e.errorCode().code()).isEqualTo("postgres.duplicate_column"));
        }
    }

    @Test
    void describeLearnsTheColumnsWithoutRunningTheStatement() throws SQLException {
        GuardedQuery quick = new GuardedQuery(QueryLimits.defaults().withStatementTimeout(Duration.ofMillis(200)), MAPPER);
        try (Connection reader = reader()) {
            List<ResultColumn> columns = quick.describe(reader,
                    "SELECT id, customer, amount, created_at, pg_sleep(5) AS slept FROM orders WHERE id = :id");
            assertThat(columns).containsExactly(
                    new ResultColumn("id", "int4", FieldType.INTEGER),
                    new ResultColumn("customer", "text", FieldType.STRING),
                    new ResultColumn("amount", "numeric", FieldType.NUMBER),
                    new ResultColumn("created_at", "timestamptz", FieldType.TIMESTAMP),
                    new ResultColumn("slept", "void", FieldType.STRING));
            assertThatThrownBy(() -> quick.describe(reader, "SELECT FROM WHERE"))
                    .isInstanceOfSatisfying(ConnectorException.class,
                            e -> assertThat(e.errorCode().code()).isEqualTo("postgres.syntax_error"));
        }
    }

    @Test
    void theResultAsJson() throws SQLException {
        try (Connection reader = reader()) {
            SqlResult result = guard.run(reader, "SELECT id, amount FROM orders WHERE id <= :last ORDER BY id", Map.of("last", 2L));
            assertThat(result.toJson().toString()).isEqualTo("{\"columns\":[{\"name\":\"id\",\"type\":\"INTEGER\",\"database_type\":\"int4\"},"
                    + "{\"name\":\"amount\",\"type\":\"NUMBER\",\"database_type\":\"numeric\"}],"
                    + "\"rows\":[{\"id\":1,\"amount\":1.50},{\"id\":2,\"amount\":3.00}],"
                    + "\"row_count\":2,\"truncated\":false,\"notices\":[]}");
        }
    }

    private static long superuserCount(String sql) throws SQLException {
        try (Connection connection = superuser(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
