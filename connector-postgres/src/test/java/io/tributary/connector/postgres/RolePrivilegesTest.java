package io.tributary.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether the connected role could write, and the advice for one that can. */
class RolePrivilegesTest extends EmbeddedPostgresTest {

    @Test
    void aReadOnlyRoleGetsNoWarning() throws SQLException {
        try (Connection reader = reader()) {
            RoleReport report = RolePrivileges.check(reader, List.of("public"));
            assertThat(report.role()).isEqualTo("reader");
            assertThat(report.database()).isEqualTo("postgres");
            assertThat(report.serverVersion()).matches("\\d+(\\.\\d+)?.*");
            assertThat(report.canWrite()).isFalse();
            assertThat(report.warning()).isEmpty();
        }
    }

    @Test
    void aRoleThatCanWriteGetsAWarningWithTheSqlForAReadOnlyRole() throws SQLException {
        try (Connection writer = writer()) {
            RoleReport report = RolePrivileges.check(writer, List.of("public"));
            assertThat(report.canWrite()).isTrue();
            assertThat(report.writeReasons()).singleElement().asString()
                    .contains("public.audit_log", "public.orders", "public.types");
            assertThat(report.warning()).get().asString()
                    .contains("The role writer can write")
                    .contains("CREATE ROLE tributary_reader LOGIN")
                    .contains("GRANT CONNECT ON DATABASE \"postgres\" TO tributary_reader;")
                    .contains("GRANT USAGE ON SCHEMA \"public\" TO tributary_reader;")
                    .contains("GRANT SELECT ON ALL TABLES IN SCHEMA \"public\" TO tributary_reader;");
        }
    }

    @Test
    void aSuperuserIsNamedAsSuch() throws SQLException {
        try (Connection superuser = superuser()) {
            RoleReport report = RolePrivileges.check(superuser, List.of("public"));
            assertThat(report.writeReasons()).first().asString().isEqualTo("it is a superuser");
        }
    }

    @Test
    void onlyTheChosenSchemasAreLookedAt() throws SQLException {
        try (Connection writer = writer()) {
            assertThat(RolePrivileges.check(writer, List.of("private")).canWrite()).isFalse();
        }
    }
}
