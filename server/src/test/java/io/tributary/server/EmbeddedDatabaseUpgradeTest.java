package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.server.core.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A development database made before it had roles and passwords (trust authentication, every
 * table the superuser's) is brought in line on the next start: its tables go to the owner role,
 * the server runs as the application role, and trust is off.
 */
class EmbeddedDatabaseUpgradeTest {

    @Test
    void anOldDevelopmentDatabaseGetsItsRolesAndKeepsItsData() throws Exception {
        Path data = TestServer.newDataDirectory();
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres")).setCleanDataDirectory(false).start()) {
            Database.migrate(old.getPostgresDatabase());
            org.jdbi.v3.core.Jdbi.create(old.getPostgresDatabase()).useHandle(handle -> handle.execute(
                    "INSERT INTO workspace (id, name, plan, data_key, created_at) VALUES ('ws_old', 'Old', 'free', 'x', now())"));
        }
        try (TestServer server = new TestServer(io.tributary.connector.stripe.fake.FakeStripe.start(FakeStripeAccount.create()), true, Map.of(), data).start()) {
            assertThat(server.api().post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "New")).status()).isEqualTo(201);
            List<String> owners = server.database().withHandle(handle -> handle.createQuery(
                    "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                            + "WHERE n.nspname = 'public' AND relkind = 'r'").mapTo(String.class).list());
            assertThat(owners).containsExactly("tributary_owner");
            String kept = server.databaseAsApp().withHandle(handle -> handle.createQuery("SELECT name FROM workspace WHERE id = 'ws_old'")
                    .mapTo(String.class).one());
            assertThat(kept).isEqualTo("Old");
        }
    }
}
