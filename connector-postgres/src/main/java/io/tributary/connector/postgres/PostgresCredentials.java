package io.tributary.connector.postgres;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.spi.StandardErrorCode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where and as whom to connect: from {@code host}, {@code port}, {@code database}, {@code sslmode}
 * (and {@code ca_certificate}), or from one {@code jdbc_url}; with {@code user} and {@code password}
 * in both cases. A URL may carry only the parameters that cannot weaken the guard: none that load
 * classes, write files or set session options.
 *
 * @param hosts {@code host[:port]} pairs, as in a JDBC URL (several for failover)
 * @param database the database name
 * @param user the role to log in as
 * @param password the role's password; never shown by {@link #toString()}
 * @param sslMode {@code disable}, {@code require} or {@code verify-full}
 * @param caCertificate the PEM text of the CA to trust for {@code verify-full}, or null for the JVM's trust store
 */
public record PostgresCredentials(String hosts, String database, String user, String password, String sslMode,
                                  String caCertificate) {

    /** The credential field names. */
    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String DATABASE = "database";
    public static final String USER = "user";
    public static final String PASSWORD = "password";
    public static final String SSLMODE = "sslmode";
    public static final String CA_CERTIFICATE = "ca_certificate";
    public static final String JDBC_URL = "jdbc_url";

    /** The modes offered; {@code prefer} and {@code allow} would fall back to plain text silently. */
    public static final Set<String> SSL_MODES = Set.of("disable", "require", "verify-full");

    private static final String HOST_PATTERN = "[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\]";
    private static final Pattern HOST_PORT = Pattern.compile("(" + HOST_PATTERN + ")(:[0-9]{1,5})?");
    private static final Pattern NAME = Pattern.compile("[^\\s/?#&=\"']{1,63}");
    /** URL parameters that cannot change what the connection may do. */
    private static final Set<String> URL_PARAMETERS = Set.of("sslmode", "ssl", "connectTimeout", "loginTimeout",
            "tcpKeepAlive", "targetServerType", "loadBalanceHosts", "hostRecheckSeconds");

    /** Checks the inputs. */
    public PostgresCredentials {
        Objects.requireNonNull(hosts, "hosts");
        for (String hostPort : hosts.split(",", -1)) {
            if (!HOST_PORT.matcher(hostPort).matches() || !portInRange(hostPort)) {
                throw malformed(HOST, "Not a host name or address with an optional port between 1 and 65535: '" + hostPort + "'");
            }
        }
        if (database == null || !NAME.matcher(database).matches()) {
            throw malformed(DATABASE, "The database name is missing or holds spaces, quotes or URL characters");
        }
        if (user == null || !NAME.matcher(user).matches()) {
            throw malformed(USER, "The user name is missing or holds spaces, quotes or URL characters");
        }
        Objects.requireNonNull(password, "password");
        sslMode = sslMode == null ? "verify-full" : sslMode;
        if (!SSL_MODES.contains(sslMode)) {
            throw malformed(SSLMODE, "sslmode must be one of disable, require or verify-full");
        }
        if (caCertificate != null && caCertificate.isBlank()) {
            caCertificate = null;
        }
        if (caCertificate != null && !caCertificate.contains("-----BEGIN CERTIFICATE-----")) {
            throw malformed(CA_CERTIFICATE, "The CA certificate must be PEM text starting with -----BEGIN CERTIFICATE-----");
        }
    }

    /**
     * Reads the credential fields.
     *
     * @param credentials the data source's credentials
     * @return the checked credentials
     * @throws ConnectorException {@code credentials_malformed}, naming the field, when a value is wrong
     */
    public static PostgresCredentials from(Credentials credentials) {
        Map<String, String> values = credentials.values();
        String user = credentials.require(USER);
        String password = credentials.find(PASSWORD).orElse("");
        String ca = values.get(CA_CERTIFICATE);
        String url = values.get(JDBC_URL);
        if (url != null && !url.isBlank()) {
            if (values.containsKey(HOST) || values.containsKey(DATABASE)) {
                throw malformed(JDBC_URL, "Give either a JDBC URL or host and database, not both");
            }
            return fromUrl(url.strip(), user, password, ca);
        }
        String port = values.getOrDefault(PORT, "5432").strip();
        if (!port.matches("[0-9]{1,5}")) {
            throw malformed(PORT, "The port must be a number between 1 and 65535");
        }
        return new PostgresCredentials(credentials.require(HOST).strip() + ":" + port, credentials.require(DATABASE).strip(),
                user.strip(), password, values.get(SSLMODE), ca);
    }

    private static PostgresCredentials fromUrl(String url, String user, String password, String ca) {
        String prefix = "jdbc:postgresql://";
        if (!url.startsWith(prefix)) {
            throw malformed(JDBC_URL, "Only jdbc:postgresql://host[:port]/database URLs are accepted");
        }
        String rest = url.substring(prefix.length());
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw malformed(JDBC_URL, "The JDBC URL needs a host and a database: jdbc:postgresql://host[:port]/database");
        }
        String sslMode = null;
        if (query >= 0) {
            for (String pair : rest.substring(query + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (!URL_PARAMETERS.contains(name)) {
                    throw malformed(JDBC_URL, "The JDBC URL parameter '" + name + "' is not allowed: only "
                            + String.join(", ", URL_PARAMETERS.stream().sorted().toList())
                            + " may be given, and user and password go in their own fields");
                }
                if (name.equals("sslmode")) {
                    sslMode = value.toLowerCase(Locale.ROOT);
                }
            }
        }
        return new PostgresCredentials(path.substring(0, slash), decode(path.substring(slash + 1)), user.strip(), password,
                sslMode, ca);
    }

    /**
     * The URL to connect to: hosts and database only; every setting goes in the properties.
     *
     * @return a {@code jdbc:postgresql://} URL without parameters or secrets
     */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hosts + "/" + database;
    }

    /** The credential fields a PostgreSQL data source declares. */
    public static List<CredentialField> fields() {
        return List.of(
                CredentialField.plain(HOST, "Host").optional().pattern(HOST_PATTERN)
                        .helpText("The database server's host name or IP address; leave empty when giving a JDBC URL").build(),
                CredentialField.plain(PORT, "Port").optional().pattern("[0-9]{1,5}").helpText("Usually 5432").build(),
                CredentialField.plain(DATABASE, "Database").optional().pattern(NAME.pattern())
                        .helpText("The database to read; leave empty when giving a JDBC URL").build(),
                CredentialField.plain(USER, "User").pattern(NAME.pattern())
                        .helpText("A role that can only read: see the warning shown after the test for how to create one").build(),
                CredentialField.secret(PASSWORD, "Password").optional().build(),
                CredentialField.plain(SSLMODE, "TLS").optional().pattern("disable|require|verify-full")
                        .helpText("verify-full (the default) checks the server's certificate and name; require encrypts"
                                + " without checking; disable sends everything in clear text").build(),
                CredentialField.plain(CA_CERTIFICATE, "CA certificate").optional()
                        .pattern("(?s)\\s*-----BEGIN CERTIFICATE-----.*-----END CERTIFICATE-----\\s*")
                        .helpText("PEM text of the CA that signed the server's certificate, for verify-full;"
                                + " empty to use the system's trusted CAs").build(),
                CredentialField.plain(JDBC_URL, "JDBC URL").optional().pattern("jdbc:postgresql://[^\\s]+")
                        .helpText("Instead of host, port, database and TLS: jdbc:postgresql://host:5432/db?sslmode=verify-full."
                                + " Parameters that load classes or set session options are refused").build());
    }

    @Override
    public String toString() {
        return "PostgresCredentials[" + jdbcUrl() + ", user=" + user + ", password=***, sslmode=" + sslMode
                + (caCertificate == null ? "" : ", ca_certificate") + "]";
    }

    private static boolean portInRange(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || hostPort.endsWith("]")) {
            return true;
        }
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        return port >= 1 && port <= 65535;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(JDBC_URL, "The JDBC URL has a malformed %-escape");
        }
    }

    private static ConnectorException malformed(String field, String message) {
        return new ConnectorException(StandardErrorCode.CREDENTIALS_MALFORMED, message, field, null, null, null);
    }
}
