package io.tributary.connector.postgres;

import io.tributary.connector.host.Contexts;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.Credentials;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A customer's PostgreSQL on 127.0.0.1 with password logins: a table {@code orders}, the role
 * {@code reader} (SELECT only), {@code owner} (may write: the warning), and {@code outsider} (may
 * log in, but may not read {@code orders}).
 */
final class CustomerDatabase implements AutoCloseable {

    static final String READER_PASSWORD = "reader-password-4567";
    static final String OWNER_PASSWORD = "owner-password-1357";
    static final String OUTSIDER_PASSWORD = "outsider-password-2468";

    private static final String FIXTURES = """
            CREATE TABLE orders (id int PRIMARY KEY, region text NOT NULL, amount numeric(12,2) NOT NULL);
            INSERT INTO orders VALUES (1, 'eu', 10.50), (2, 'eu', 20.25), (3, 'us', 7.00), (4, 'eu', 1.00);
            REVOKE CREATE ON SCHEMA public FROM PUBLIC;
            CREATE ROLE reader LOGIN PASSWORD 'reader-password-4567';
            GRANT USAGE ON SCHEMA public TO reader;
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;
            CREATE ROLE owner LOGIN PASSWORD 'owner-password-1357';
            GRANT USAGE ON SCHEMA public TO owner;
            GRANT ALL ON ALL TABLES IN SCHEMA public TO owner;
            CREATE ROLE outsider LOGIN PASSWORD 'outsider-password-2468';
            GRANT USAGE ON SCHEMA public TO outsider;
            """;

    private static final String HBA = """
            local all all trust
            host  all postgres 127.0.0.1/32 trust
            host  all all 127.0.0.1/32 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;

    private CustomerDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static CustomerDatabase start(Path directory) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement()) {
                sql.execute(FIXTURES);
                Files.writeString(directory.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
                sql.execute("SELECT pg_reload_conf()");
            }
            return new CustomerDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    /** What the superuser sees, bypassing the connector: to check that nothing changed. */
    long count(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> credentials(String user, String password) {
        return credentials(port(), user, password);
    }

    static Map<String, String> credentials(int port, String user, String password) {
        return Map.of("host", "127.0.0.1", "port", Integer.toString(port), "database", "postgres", "user", user,
                "password", password, "sslmode", "disable");
    }

    static PostgresCredentials credentialsOf(CustomerDatabase database, String user, String password) {
        return PostgresCredentials.from(new Credentials(database.credentials(user, password)));
    }

    ConnectorContext context(String user, String password) {
        Map<String, String> values = credentials(user, password);
        return Contexts.builder().credentials(() -> new Credentials(values)).build();
    }

    /** A port nothing listens on. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
