package io.tributary.connector.postgres;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connector.spi.Credentials;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real PostgreSQL per test class on 127.0.0.1, password logins only, with fixtures created as
 * the superuser and two login roles: {@code reader} (SELECT only) and {@code writer} (every
 * privilege on the tables), to show the read-only transaction refuses writes by itself.
 */
abstract class EmbeddedPostgresTest {

    static final String SUPERUSER_PASSWORD = "superuser-password-0123";
    static final String READER_PASSWORD = "reader-password-4567";
    static final String WRITER_PASSWORD = "writer-password-8901";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final PostgresConnections CONNECTIONS = new PostgresConnections(Duration.ofSeconds(5), Duration.ofSeconds(30));

    private static final String HBA = """
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            """;

    private static final String FIXTURES = """
            CREATE TABLE orders (id int PRIMARY KEY, customer text NOT NULL, amount numeric(12,2), created_at timestamptz);
            INSERT INTO orders SELECT g, 'customer ' || g, g * 1.5, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 hour'
                FROM generate_series(1, 50) g;
            CREATE TABLE audit_log (id serial PRIMARY KEY, note text);
            CREATE FUNCTION log_note(note text) RETURNS int LANGUAGE plpgsql AS $$
                BEGIN INSERT INTO audit_log (note) VALUES (note); RETURN 1; END $$;
            CREATE SCHEMA private;
            CREATE TABLE private.secrets (value text);
            CREATE TABLE types (i2 int2, i4 int4, i8 int8, num numeric(40,10), f8 float8, b bool, t text, vc varchar(10),
                u uuid, tstz timestamptz, ts timestamp, d date, j json, jb jsonb, arr int4[], tarr text[], m money);
            INSERT INTO types VALUES (1, 2, 9007199254740993, 123456789012345678901234567890.0123456789, 1.5, true, 'text',
                'vc', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '2024-01-31 12:00:00+02', '2024-01-31 12:00:00', '2024-01-31',
                '{"a": 1}', '{"b": [1, 2]}', '{1,2,3}', '{"x","y"}', -1234.56);
            INSERT INTO types DEFAULT VALUES;
            REVOKE CREATE ON SCHEMA public FROM PUBLIC;
            CREATE ROLE reader LOGIN PASSWORD 'reader-password-4567';
            GRANT USAGE ON SCHEMA public TO reader;
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;
            CREATE ROLE writer LOGIN PASSWORD 'writer-password-8901';
            GRANT USAGE ON SCHEMA public TO writer;
            GRANT ALL ON ALL TABLES IN SCHEMA public TO writer;
            GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO writer;
            """;

    @TempDir
    static Path dataDirectory;

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.resolve("pg"))
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute(FIXTURES);
            sql.execute("ALTER ROLE postgres PASSWORD '" + SUPERUSER_PASSWORD + "'");
            Files.writeString(dataDirectory.resolve("pg").resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
            sql.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    static PostgresCredentials credentials(String user, String password) {
        return PostgresCredentials.from(new Credentials(Map.of("host", "127.0.0.1", "port", Integer.toString(postgres.getPort()),
                "database", "postgres", "user", user, "password", password, "sslmode", "disable")));
    }

    static Connection reader() {
        return CONNECTIONS.open(credentials("reader", READER_PASSWORD));
    }

    static Connection writer() {
        return CONNECTIONS.open(credentials("writer", WRITER_PASSWORD));
    }

    static Connection superuser() {
        return CONNECTIONS.open(credentials("postgres", SUPERUSER_PASSWORD));
    }
}
