package io.tributary.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.spi.ErrorKind;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Logging in against a real PostgreSQL that requires passwords. */
class ConnectingTest extends EmbeddedPostgresTest {

    @Test
    void aWrongPasswordIsRejectedWithoutShowingIt() {
        String wrong = "wrong-password-5555";
        assertThatThrownBy(() -> CONNECTIONS.open(credentials("reader", wrong)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CREDENTIALS_REJECTED);
                    assertThat(e.toString()).doesNotContain(wrong);
                });
    }

    @Test
    void anUnknownDatabaseIsRejected() {
        PostgresCredentials missing = PostgresCredentials.from(new Credentials(Map.of("host", "127.0.0.1",
                "port", Integer.toString(postgres.getPort()), "database", "nope", "user", "reader", "password", READER_PASSWORD,
                "sslmode", "disable")));
        assertThatThrownBy(() -> CONNECTIONS.open(missing))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CREDENTIALS_REJECTED));
    }

    @Test
    void anUnreachableServerIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        PostgresCredentials nowhere = PostgresCredentials.from(new Credentials(Map.of("host", "127.0.0.1",
                "port", Integer.toString(closedPort), "database", "postgres", "user", "reader", "password", READER_PASSWORD,
                "sslmode", "disable")));
        assertThatThrownBy(() -> CONNECTIONS.open(nowhere))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
                    assertThat(e.toString()).doesNotContain(READER_PASSWORD);
                });
    }

    @Test
    void theRightPasswordLogsInAsTributary() throws SQLException {
        try (Connection reader = reader()) {
            SqlResult result = new GuardedQuery(QueryLimits.defaults(), MAPPER)
                    .run(reader, "SELECT current_setting('application_name') AS app, current_user AS who", Map.of());
            assertThat(result.rows().get(0).get("app").asText()).isEqualTo("tributary");
            assertThat(result.rows().get(0).get("who").asText()).isEqualTo("reader");
        }
    }
}
