package io.tributary.server.core;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.tributary.audit.AuditSchema;
import io.tributary.server.config.DatabaseConfig;
import io.tributary.server.dev.EmbeddedDatabase;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The database: an external PostgreSQL, or the embedded one of a development setup; migrated on
 * start (the server's tables and the audit log's, each with its own history table).
 */
public final class Database {

    public static final String SERVER_HISTORY_TABLE = "flyway_server_history";

    private Database() {
    }

    /** Opens a pooled data source whose lifecycle the environment manages. */
    public static ManagedDataSource open(DatabaseConfig config, Environment environment) {
        String url = config.url();
        String user = config.user();
        String password = config.password();
        if (config.embedded()) {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(Path.of(config.embeddedDataDirectory()), config.embeddedPort());
            environment.lifecycle().manage(embedded);
            url = embedded.jdbcUrl();
            user = embedded.user();
            password = "";
        }
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.postgresql.Driver");
        factory.setUrl(url);
        factory.setUser(user);
        factory.setPassword(password);
        factory.setMaxSize(config.maxConnections());
        factory.setMinSize(2);
        factory.setInitialSize(2);
        factory.setValidationQuery("SELECT 1");
        ManagedDataSource dataSource = factory.build(environment.metrics(), "postgresql");
        environment.lifecycle().manage(dataSource);
        return dataSource;
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/server")
                .table(SERVER_HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        AuditSchema.migrate(dataSource, "");
    }

    public static Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }
}
