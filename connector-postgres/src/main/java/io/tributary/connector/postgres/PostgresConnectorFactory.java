package io.tributary.connector.postgres;

import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.ConnectorFactory;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.SpiVersion;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** The PostgreSQL connector's entry point: the user's own database, read-only and bounded. */
public final class PostgresConnectorFactory implements ConnectorFactory {

    static final String TYPE_ID = "postgres";

    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder(TYPE_ID, "PostgreSQL",
                    "Your own PostgreSQL database: one read-only SQL statement per block, with bound parameters,"
                    + " a row cap, a size cap and a timeout.")
            .credentialField(PostgresCredentials.fields().toArray(CredentialField[]::new))
            .queryType(SqlQueryType.QUERY_TYPE)
            .build();

    /** How the connector opens connections, given its connect timeout; tests wrap it to count. */
    private final Function<Duration, ConnectionOpener> openers;

    /** The factory ServiceLoader uses. */
    public PostgresConnectorFactory() {
        this(connectTimeout -> new PostgresConnections(connectTimeout, socketTimeout())::open);
    }

    PostgresConnectorFactory(Function<Duration, ConnectionOpener> openers) {
        this.openers = openers;
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<ParameterSpec> settings() {
        return PostgresSettings.schema();
    }

    @Override
    public Connector create(ConnectorSettings settings) {
        PostgresSettings read = PostgresSettings.from(settings);
        return new PostgresConnector(read, openers.apply(read.connectTimeout()));
    }

    /** Above any statement timeout the settings allow, so PostgreSQL's own timeout answers first. */
    private static Duration socketTimeout() {
        return Duration.ofHours(1).plusMinutes(1);
    }
}
