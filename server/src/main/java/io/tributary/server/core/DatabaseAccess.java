package io.tributary.server.core;

import io.tributary.server.config.DatabaseConfig;
import io.tributary.server.config.DatabaseLogin;
import io.tributary.server.dev.EmbeddedDatabase;
import io.tributary.server.dev.SecretsFile;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * How to reach the database: its URL, the role the server runs as, and the role that owns the
 * tables and runs migrations (absent when one role does both).
 *
 * @param embedded the embedded database started for it, to stop with the server; null for an external one
 */
public record DatabaseAccess(String url, DatabaseLogin app, Optional<DatabaseLogin> owner, EmbeddedDatabase embedded) {

    /** The configured database, starting the embedded one (with its roles) when no URL is given. */
    public static DatabaseAccess of(DatabaseConfig config) {
        if (config.embedded()) {
            EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(config.embeddedDataDirectory()), config.embeddedPort(),
                    new SecretsFile(Path.of(config.embeddedSecretsFile())));
            return new DatabaseAccess(database.jdbcUrl(), database.app(), Optional.of(database.owner()), database);
        }
        DatabaseLogin app = new DatabaseLogin(config.user(), config.password());
        Optional<DatabaseLogin> owner = config.ownerUser().isEmpty() || config.ownerUser().equals(config.user()) ? Optional.empty()
                : Optional.of(new DatabaseLogin(config.ownerUser(), config.ownerPassword()));
        return new DatabaseAccess(config.url(), app, owner, null);
    }

    /** The role migrations run as. */
    public DatabaseLogin migrator() {
        return owner.orElse(app);
    }

    /** The application role to grant privileges to, when it is not the owner; empty otherwise. */
    public String appRoleToGrant() {
        return owner.isPresent() ? app.user() : "";
    }

    /** An unpooled data source as the given role, for migrations and one-off commands. */
    public DataSource unpooled(DatabaseLogin login) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        source.setUser(login.user());
        source.setPassword(login.password());
        return source;
    }
}
