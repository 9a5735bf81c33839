package io.tributary.server.mirror;

import io.tributary.server.core.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.jdbi.v3.core.Jdbi;

/**
 * A migrated embedded PostgreSQL with one workspace, for the mirror's tests: each test gets a
 * data source of its own to mirror into (records hang off a data source).
 */
final class MirrorDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Jdbi jdbi;
    private int sources;

    MirrorDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Database.migrate(postgres.getPostgresDatabase());
        jdbi = Database.jdbi(postgres.getPostgresDatabase());
        jdbi.useHandle(handle -> handle.execute("INSERT INTO workspace (id, name, plan, data_key, created_at) "
                + "VALUES ('ws_mirror', 'Mirror', 'free', 'not-used-here', now())"));
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** A new data source (its credentials are never read here); returns its id. */
    String newSource() {
        String id = "ds_mirror" + (++sources);
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO data_source (id, workspace_id, type, label, cadence_minutes, credentials, "
                        + "credential_hints, has_webhook_secret, status, created_at, updated_at) VALUES (:id, 'ws_mirror', 'stripe', 'M', 60, "
                        + "'not-used-here', '{}', false, 'active', now(), now())")
                .bind("id", id).execute());
        return id;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
