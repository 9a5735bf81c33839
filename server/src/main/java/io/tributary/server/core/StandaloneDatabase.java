package io.tributary.server.core;

import io.tributary.server.config.DatabaseConfig;
import io.tributary.server.dev.EmbeddedDatabase;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The database for a one-off command (migrate, rotate the master key): no pool, closed after. */
public final class StandaloneDatabase implements AutoCloseable {

    private final EmbeddedDatabase embedded;
    private final DataSource dataSource;

    public StandaloneDatabase(DatabaseConfig config) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        if (config.embedded()) {
            embedded = EmbeddedDatabase.start(Path.of(config.embeddedDataDirectory()), config.embeddedPort());
            source.setURL(embedded.jdbcUrl());
            source.setUser(embedded.user());
        } else {
            embedded = null;
            source.setURL(config.url());
            source.setUser(config.user());
            source.setPassword(config.password());
        }
        this.dataSource = source;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws java.io.IOException {
        if (embedded != null) {
            embedded.stop();
        }
    }
}
