package io.tributary.server.core;

import io.tributary.server.config.DatabaseConfig;
import javax.sql.DataSource;

/** The database for a one-off command (migrate, rotate keys): no pool, closed after. */
public final class StandaloneDatabase implements AutoCloseable {

    private final DatabaseAccess access;

    public StandaloneDatabase(DatabaseConfig config) {
        this.access = DatabaseAccess.of(config);
    }

    public DatabaseAccess access() {
        return access;
    }

    /** As the application role, like the server. */
    public DataSource dataSource() {
        return access.unpooled(access.app());
    }

    @Override
    public void close() throws java.io.IOException {
        if (access.embedded() != null) {
            access.embedded().stop();
        }
    }
}
