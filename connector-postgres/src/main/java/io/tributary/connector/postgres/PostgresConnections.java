package io.tributary.connector.postgres;

import io.tributary.connector.spi.ConnectorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Opens connections for {@link PostgresCredentials}. The driver is called directly, not through
 * {@code DriverManager}, which does not see drivers of a plugin's class loader.
 */
public final class PostgresConnections {

    private static final Driver DRIVER = new Driver();

    private final Duration connectTimeout;
    private final Duration socketTimeout;

    /**
     * @param connectTimeout how long to wait for the server to accept the connection
     * @param socketTimeout how long any one read from the server may take; above every statement timeout
     */
    public PostgresConnections(Duration connectTimeout, Duration socketTimeout) {
        this.connectTimeout = connectTimeout;
        this.socketTimeout = socketTimeout;
    }

    /**
     * Connects. A CA certificate is written to a private file (0600) for the handshake and
     * deleted once it is done, since the driver reads the CA only from a file.
     *
     * @return an open connection; the caller closes it
     * @throws ConnectorException {@code credentials_rejected} for a refused login, transient when unreachable
     */
    public Connection open(PostgresCredentials credentials) {
        Path caFile = credentials.caCertificate() == null ? null : writeCa(credentials.caCertificate());
        try {
            Connection connection = DRIVER.connect(credentials.jdbcUrl(), properties(credentials, caFile));
            if (connection == null) {
                throw new IllegalStateException("The PostgreSQL driver does not accept " + credentials.jdbcUrl());
            }
            return connection;
        } catch (SQLException e) {
            throw SqlFailures.map(e, null, connectTimeout);
        } finally {
            if (caFile != null) {
                deleteQuietly(caFile);
            }
        }
    }

    /** The driver's properties: who, how securely, how long; never read from the URL. */
    Properties properties(PostgresCredentials credentials, Path caFile) {
        Properties properties = new Properties();
        properties.setProperty("user", credentials.user());
        properties.setProperty("password", credentials.password());
        properties.setProperty("ApplicationName", "tributary");
        properties.setProperty("connectTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
        properties.setProperty("loginTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
        properties.setProperty("socketTimeout", Long.toString(Math.max(1, socketTimeout.toSeconds())));
        // Bound strings are sent untyped, so PostgreSQL infers their type from where they are used.
        properties.setProperty("stringtype", "unspecified");
        properties.setProperty("sslmode", credentials.sslMode());
        if (credentials.sslMode().equals("verify-full")) {
            if (caFile != null) {
                properties.setProperty("sslrootcert", caFile.toString());
            } else {
                // No CA given: the JVM's trusted CAs, not ~/.postgresql/root.crt of whoever runs the server
                properties.setProperty("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
            }
        }
        return properties;
    }

    private static Path writeCa(String pem) {
        try {
            Path file;
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                file = Files.createTempFile("tributary-pg-ca-", ".pem",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                file = Files.createTempFile("tributary-pg-ca-", ".pem");
            }
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the CA certificate to a temporary file", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            file.toFile().deleteOnExit();
        }
    }
}
