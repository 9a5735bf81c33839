package io.tributary.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.spi.ErrorKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Credential fields to a URL and driver properties; what a URL may not carry; no password shown. */
class PostgresCredentialsTest {

    private static final String PASSWORD = "s3cret-Passw0rd";
    private static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    private final PostgresConnections connections = new PostgresConnections(Duration.ofSeconds(7), Duration.ofSeconds(90));

    @Test
    void buildsTheUrlAndPropertiesFromTheFields() {
        PostgresCredentials credentials = PostgresCredentials.from(credentials(Map.of("host", "db.example.com", "port", "6543",
                "database", "shop", "sslmode", "require")));
        assertThat(credentials.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/shop");
        Properties properties = connections.properties(credentials, null);
        assertThat(properties).containsEntry("user", "reporting").containsEntry("password", PASSWORD)
                .containsEntry("ApplicationName", "tributary").containsEntry("connectTimeout", "7")
                .containsEntry("socketTimeout", "90").containsEntry("sslmode", "require").containsEntry("stringtype", "unspecified")
                .doesNotContainKeys("sslrootcert", "sslfactory");
    }

    @Test
    void verifyFullIsTheDefaultAndUsesTheGivenCaOrTheJvmTrustStore() {
        PostgresCredentials system = PostgresCredentials.from(credentials(Map.of("host", "db.example.com", "database", "shop")));
        assertThat(system.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/shop");
        assertThat(connections.properties(system, null)).containsEntry("sslmode", "verify-full")
                .containsEntry("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");

        PostgresCredentials pinned = PostgresCredentials.from(credentials(Map.of("host", "db.example.com", "database", "shop",
                "ca_certificate", PEM)));
        assertThat(connections.properties(pinned, Path.of("/tmp/ca.pem"))).containsEntry("sslrootcert", "/tmp/ca.pem")
                .doesNotContainKey("sslfactory");
        assertThat(pinned.toString()).contains("ca_certificate").doesNotContain("MIIB");
    }

    @Test
    void acceptsAJdbcUrlWithHarmlessParameters() {
        PostgresCredentials credentials = PostgresCredentials.from(credentials(Map.of(
                "jdbc_url", "jdbc:postgresql://a.example.com:5433,b.example.com/shop?sslmode=require&targetServerType=primary")));
        assertThat(credentials.jdbcUrl()).isEqualTo("jdbc:postgresql://a.example.com:5433,b.example.com/shop");
        assertThat(credentials.sslMode()).isEqualTo("require");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://db/shop?options=-c%20default_transaction_read_only=off",
            "jdbc:postgresql://db/shop?socketFactory=com.evil.Factory",
            "jdbc:postgresql://db/shop?sslfactory=org.postgresql.ssl.NonValidatingFactory",
            "jdbc:postgresql://db/shop?loggerFile=/etc/passwd",
            "jdbc:postgresql://db/shop?sslmode=require&ApplicationName=x",
            "jdbc:postgresql://db/shop?password=s3cret-Passw0rd",
            "jdbc:postgresql://db/shop?sslmode=prefer",
            "jdbc:mysql://db/shop",
            "jdbc:postgresql:shop",
            "jdbc:postgresql://db/",
            "jdbc:postgresql://db name/shop"})
    void refusesUnsafeOrMalformedUrls(String url) {
        assertThatThrownBy(() -> PostgresCredentials.from(credentials(Map.of("jdbc_url", url))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.errorCode().code()).isEqualTo("credentials_malformed");
                    assertThat(e.kind()).isEqualTo(ErrorKind.CREDENTIALS_REJECTED);
                    assertThat(e.getMessage()).doesNotContain(PASSWORD);
                    assertThat(e.field().orElseThrow()).isIn("jdbc_url", "sslmode", "host", "database");
                });
    }

    @Test
    void refusesAUrlTogetherWithHostFields() {
        assertThatThrownBy(() -> PostgresCredentials.from(credentials(Map.of("jdbc_url", "jdbc:postgresql://db/shop", "host", "db"))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.field()).contains("jdbc_url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "54a"})
    void refusesPortsOutOfRange(String port) {
        assertThatThrownBy(() -> PostgresCredentials.from(credentials(Map.of("host", "db", "database", "shop", "port", port))))
                .isInstanceOf(ConnectorException.class);
    }

    @Test
    void thePasswordIsNeverShown() {
        PostgresCredentials credentials = PostgresCredentials.from(credentials(Map.of("host", "db", "database", "shop")));
        assertThat(credentials.toString()).contains("password=***").doesNotContain(PASSWORD);
        assertThat(credentials.jdbcUrl()).doesNotContain(PASSWORD);
    }

    @Test
    void declaresItsCredentialFieldsWithOnlyThePasswordSecret() {
        assertThat(PostgresCredentials.fields()).extracting(CredentialField::name)
                .containsExactly("host", "port", "database", "user", "password", "sslmode", "ca_certificate", "jdbc_url");
        assertThat(PostgresCredentials.fields()).filteredOn(CredentialField::secret).extracting(CredentialField::name)
                .containsExactly("password");
        CredentialField sslMode = PostgresCredentials.fields().get(5);
        assertThat(sslMode.accepts("verify-full")).isTrue();
        assertThat(sslMode.accepts("prefer")).isFalse();
        assertThat(PostgresCredentials.fields().get(0).accepts("[::1]")).isTrue();
        assertThat(PostgresCredentials.fields().get(6).accepts(PEM)).isTrue();
    }

    private static Credentials credentials(Map<String, String> fields) {
        Map<String, String> values = new HashMap<>(fields);
        values.put("user", "reporting");
        values.put("password", PASSWORD);
        return new Credentials(values);
    }
}
