package io.tributary.server.core;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.tributary.audit.AuditSchema;
import io.tributary.server.config.DatabaseConfig;
import io.tributary.server.db.StoredEnumArguments;
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

    /** Opens a pool of connections as the application role; the environment manages its lifecycle (and the embedded database's). */
    public static ManagedDataSource open(DatabaseAccess access, DatabaseConfig config, Environment environment) {
        if (access.embedded() != null) {
            environment.lifecycle().manage(access.embedded());
        }
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.postgresql.Driver");
        factory.setUrl(access.url());
        factory.setUser(access.app().user());
        factory.setPassword(access.app().password());
        factory.setMaxSize(config.maxConnections());
        factory.setMinSize(2);
        factory.setInitialSize(2);
        factory.setValidationQuery("SELECT 1");
        ManagedDataSource dataSource = factory.build(environment.metrics(), "postgresql");
        environment.lifecycle().manage(dataSource);
        return dataSource;
    }

    /**
     * Migrates as the owner role: the server's tables, then the audit log's (whose grants give the
     * application role read and append only), then the application role's rights on the rest.
     */
    public static void migrate(DatabaseAccess access) {
        migrate(access.unpooled(access.migrator()), access.appRoleToGrant());
    }

    /** Migrates with one role doing everything (tests of the storage alone). */
    public static void migrate(DataSource dataSource) {
        migrate(dataSource, "");
    }

    private static void migrate(DataSource owner, String appRole) {
        Flyway.configure()
                .dataSource(owner)
                .locations("classpath:db/migration/server")
                .table(SERVER_HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        AuditSchema.migrate(owner, appRole);
        if (!appRole.isEmpty()) {
            AppRoleGrants.apply(owner, appRole);
        }
    }

    public static Jdbi jdbi(DataSource dataSource) {
        // After the plugin, which would bind the rows' enums as PostgreSQL enum types.
        return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin())
                .registerArgument(new StoredEnumArguments());
    }
}
