package io.tributary.server.dev;

import io.dropwizard.lifecycle.Managed;
import io.tributary.server.config.DatabaseLogin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * An embedded PostgreSQL for development and tests: real PostgreSQL binaries run by zonky, with
 * their files kept in a directory so a restart keeps every workspace. Set up like a production
 * database: password authentication only (the passwords generated into the secrets file), an owner
 * role that migrations run as, and an application role that may not rewrite the audit history.
 */
public final class EmbeddedDatabase implements Managed {

    public static final String OWNER_ROLE = "tributary_owner";
    public static final String APP_ROLE = "tributary_app";
    private static final String SUPERUSER = "postgres";
    // Passwords are inlined into ALTER ROLE (it takes no parameters): only generated tokens pass.
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,}");
    private static final String HBA = """
            # Tributary's development database: password authentication only, on loopback.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final DatabaseLogin superuser;
    private final DatabaseLogin owner;
    private final DatabaseLogin app;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseLogin superuser, DatabaseLogin owner, DatabaseLogin app) {
        this.postgres = postgres;
        this.superuser = superuser;
        this.owner = owner;
        this.app = app;
    }

    /**
     * Starts PostgreSQL on 127.0.0.1.
     *
     * @param dataDirectory where its files live; created when missing, kept when present
     * @param port the port, or 0 for any free one
     * @param secrets where the roles' passwords are kept
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, SecretsFile secrets) {
        DatabaseLogin superuser = new DatabaseLogin(SUPERUSER, password(secrets, "database_superuser_password"));
        DatabaseLogin owner = new DatabaseLogin(OWNER_ROLE, password(secrets, "database_owner_password"));
        DatabaseLogin app = new DatabaseLogin(APP_ROLE, password(secrets, "database_app_password"));
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // Stopped by the server's lifecycle, last: a hook of its own would stop it while the
                    // server still writes (the audit anchors at shutdown) when the process is told to end.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // zonky's readiness check logs in too: with the password once trust is gone.
                    .setConnectConfig("password", superuser.password());
            if (port > 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start in " + dataDirectory, e);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, superuser, owner, app);
        database.secure(dataDirectory);
        return database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    /** The role migrations run as: it owns every table. */
    public DatabaseLogin owner() {
        return owner;
    }

    /** The role the server runs as. */
    public DatabaseLogin app() {
        return app;
    }

    /** The superuser, for tests and tools that inspect everything. */
    public DatabaseLogin superuser() {
        return superuser;
    }

    @Override
    public void stop() throws IOException {
        postgres.close();
    }

    /**
     * Sets the roles up (every start, idempotently: a data directory made before roles existed is
     * brought in line, its tables given to the owner), then turns trust authentication off.
     */
    private void secure(Path dataDirectory) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), superuser.user(), superuser.password());
             Statement sql = connection.createStatement()) {
            sql.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + superuser.password() + "'");
            for (DatabaseLogin role : new DatabaseLogin[] {owner, app}) {
                sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role.user() + "') THEN "
                        + "CREATE ROLE " + role.user() + " LOGIN; END IF; END $$");
                sql.execute("ALTER ROLE " + role.user() + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + role.password() + "'");
            }
            sql.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + OWNER_ROLE);
            sql.execute("GRANT USAGE ON SCHEMA public TO " + APP_ROLE);
            sql.execute("""
                    DO $$
                    DECLARE item record;
                    BEGIN
                        FOR item IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
                                AND pg_get_userbyid(c.relowner) <> '%1$s' LOOP
                            EXECUTE format('ALTER %%s public.%%I OWNER TO %1$s', CASE item.relkind WHEN 'S' THEN 'SEQUENCE'
                                WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, item.relname);
                        END LOOP;
                        FOR item IN SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS arguments FROM pg_proc p
                                JOIN pg_namespace n ON n.oid = p.pronamespace
                                WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '%1$s' LOOP
                            EXECUTE format('ALTER FUNCTION public.%%I(%%s) OWNER TO %1$s', item.proname, item.arguments);
                        END LOOP;
                    END
                    $$""".formatted(OWNER_ROLE));
            Path hba = dataDirectory.resolve("pg_hba.conf");
            if (!Files.readString(hba, StandardCharsets.UTF_8).equals(HBA)) {
                Files.writeString(hba, HBA, StandardCharsets.UTF_8);
                sql.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("The embedded PostgreSQL's roles could not be set up", e);
        }
    }

    private static String password(SecretsFile secrets, String name) {
        String password = secrets.getOrCreate(name, SecretsFile::randomToken);
        if (!TOKEN.matcher(password).matches()) {
            throw new IllegalStateException(name + " in " + secrets.path() + " must be a generated token ([A-Za-z0-9_-], 20 or more)");
        }
        return password;
    }
}
