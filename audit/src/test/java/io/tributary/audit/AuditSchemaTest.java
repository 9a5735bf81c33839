package io.tributary.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class AuditSchemaTest {

    private static final AtomicInteger ROLES = new AtomicInteger();

    @Test
    void migratesAnEmptyDatabaseOnceUnderItsOwnHistoryTable() {
        DataSource db = TestDatabase.emptyDatabase();
        AuditSchema.migrate(db, "");
        AuditSchema.migrate(db, null); // nothing pending: a no-op

        Jdbi jdbi = Jdbi.create(db);
        List<String> versions = jdbi.withHandle(h -> h.createQuery(
                "SELECT version FROM flyway_audit_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")
                .mapTo(String.class).list());
        assertThat(versions).containsExactly("1", "2");
        assertThat(tableExists(jdbi, "flyway_schema_history")).isFalse();
        assertThat(tableExists(jdbi, "audit_event")).isTrue();
        assertThat(tableExists(jdbi, "audit_chain_head")).isTrue();
        assertThat(tableExists(jdbi, "audit_verified")).isTrue();
    }

    @Test
    void migratesNextToTheServersOwnSchemaAndHistory() {
        DataSource db = TestDatabase.emptyDatabase();
        Jdbi jdbi = Jdbi.create(db);
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version text)");
            h.execute("INSERT INTO flyway_schema_history VALUES (1, '1')");
            h.execute("CREATE TABLE data_source (id text PRIMARY KEY)");
        });

        AuditSchema.migrate(db, "");

        int serverHistoryRows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM flyway_schema_history").mapTo(Integer.class).one());
        assertThat(serverHistoryRows).isEqualTo(1);
        AuditLog log = new AuditLog(jdbi, TestDatabase.fixedClock(), TestDatabase.MAC_KEY);
        log.append(AuditEntry.of("ws", "admin", "data_source.create", "data_source:ds_1"));
        assertThat(log.verify("ws").isValid()).isTrue();
    }

    @Test
    void appRoleMayOnlyReadAndAppend() {
        DataSource ownerDb = TestDatabase.emptyDatabase();
        String role = createLoginRole(ownerDb);
        AuditSchema.migrate(ownerDb, role);

        Jdbi asApp = Jdbi.create(connectAs(ownerDb, role));
        AuditLog log = new AuditLog(asApp, TestDatabase.fixedClock(), TestDatabase.MAC_KEY);
        String ws = "ws_" + UUID.randomUUID();
        log.append(AuditEntry.of(ws, "admin", "data_source.create", "data_source:ds_1"));
        log.append(AuditEntry.of(ws, "admin", "data_source.update", "data_source:ds_1"));
        assertThat(log.query(AuditQuery.forWorkspace(ws)).events()).hasSize(2);
        assertThat(log.verify(ws).isValid()).isTrue();

        // Refused by missing privileges (SQLSTATE 42501), before any trigger runs.
        assertPermissionDenied(asApp, "UPDATE audit_event SET actor = 'admin'");
        assertPermissionDenied(asApp, "DELETE FROM audit_event");
        assertPermissionDenied(asApp, "TRUNCATE audit_event");
        assertPermissionDenied(asApp, "DELETE FROM audit_chain_head");
        assertPermissionDenied(asApp, "ALTER TABLE audit_event DISABLE TRIGGER USER");
        assertThat(log.verify(ws).isValid()).isTrue();
    }

    @Test
    void grantsFollowTheAppRoleWhenItChanges() {
        DataSource ownerDb = TestDatabase.emptyDatabase();
        AuditSchema.migrate(ownerDb, "");
        String role = createLoginRole(ownerDb);
        Jdbi asApp = Jdbi.create(connectAs(ownerDb, role));
        assertPermissionDenied(asApp, "SELECT count(*) FROM audit_event");

        AuditSchema.migrate(ownerDb, role);

        AuditLog log = new AuditLog(asApp, TestDatabase.fixedClock(), TestDatabase.MAC_KEY);
        assertThat(log.append(AuditEntry.of("ws", "admin", "data_source.create", null)).seq()).isEqualTo(1);
    }

    @Test
    void rejectsAppRoleThatIsNotAPlainIdentifier() {
        DataSource db = TestDatabase.emptyDatabase();
        assertThatThrownBy(() -> AuditSchema.migrate(db, "app'; DROP TABLE audit_event; --"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(tableExists(Jdbi.create(db), "audit_event")).isFalse();
    }

    private static void assertPermissionDenied(Jdbi jdbi, String sql) {
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(sql)))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .cause()
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }

    private static String createLoginRole(DataSource db) {
        String role = "audit_app_" + ROLES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        Jdbi.create(db).useHandle(h -> h.execute("CREATE ROLE " + role + " LOGIN"));
        return role;
    }

    private static DataSource connectAs(DataSource ownerDb, String role) {
        String database = Jdbi.create(ownerDb).withHandle(h -> h.createQuery("SELECT current_database()").mapTo(String.class).one());
        EmbeddedPostgres postgres = TestDatabase.postgres();
        return postgres.getDatabase(role, database);
    }

    private static boolean tableExists(Jdbi jdbi, String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT to_regclass(:t) IS NOT NULL").bind("t", table).mapTo(Boolean.class).one());
    }
}
