package ${package};

import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.ConnectorFactory;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.ResultField;
import io.tributary.connector.spi.SpiVersion;
import java.net.URI;
import java.util.List;

/**
 * The entry point the server finds with {@link java.util.ServiceLoader}: it is listed in
 * {@code META-INF/services/io.tributary.connector.spi.ConnectorFactory} and has a public no-argument
 * constructor. The server asks it what the connector is and which settings it takes at start-up,
 * for every plugin, before serving anything: nothing here may touch the network.
 */
public final class ${connectorName}ConnectorFactory implements ConnectorFactory {

    /** Names the data sources' type, the query types ({@code ${connectorTypeId}.<name>}) and the settings ({@code connectors.${connectorTypeId}}). */
    public static final String TYPE_ID = "${connectorTypeId}";

    /** The one query type: contacts created in the last days. */
    public static final String NEW_CONTACTS = TYPE_ID + ".new_contacts";

    /** The credential field; the fake and the tests fill it in under this name. */
    public static final String API_KEY = "api_key";

    /** The setting naming where the API is; tests point it at the fake. */
    public static final String API_BASE = "api_base";

    /** At most this many contacts in a result's {@code newest}: a widget shows a few, not thousands. */
    static final int NEWEST_LIMIT = 5;

    // Built once: the descriptor is data, and the server (and the contract test) expect the same
    // value on every call.
    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder(TYPE_ID, "${connectorName}",
                    "Counts and lists the contacts of a ${connectorName} account.")
            .credentialField(CredentialField.secret(API_KEY, "API key")
                    // Checked by the server before anything is stored or sent: a typo is refused at once.
                    .pattern("(live|test)_[A-Za-z0-9]{16,}")
                    .helpText("Starts with live_ or test_; needs the contacts:read scope")
                    // The only part of a stored key the server may show again: the kind, never the secret.
                    .publicPrefixes("live_", "test_")
                    .build())
            .queryType(QueryType.builder(NEW_CONTACTS, "How many contacts were created in the last days, and the newest of them.")
                    // The server validates parameters against this before any of our code runs.
                    .parameter(ParameterSpec.integer("days", "How many days to look back.").between(1, 365).withDefault(30))
                    .resultField(
                            ResultField.of("count", FieldType.INTEGER, "Contacts created in the period."),
                            ResultField.of("since", FieldType.TIMESTAMP, "The start of the period, in unix seconds."),
                            ResultField.arrayOf("newest", "The newest contacts of the period, newest first (at most " + NEWEST_LIMIT + ").",
                                    ResultField.of("id", FieldType.STRING, "The contact's id."),
                                    ResultField.of("name", FieldType.STRING, "The contact's name."),
                                    ResultField.of("created_at", FieldType.TIMESTAMP, "When the contact was created, in unix seconds.")))
                    .build())
            .build();

    @Override
    public String spiVersion() {
        // A compile-time constant: the class file keeps the SPI version it was built against.
        return SpiVersion.CURRENT;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * The operator's settings, under {@code connectors.${connectorTypeId}} in the server's configuration. The
     * server checks them against this schema at start-up and refuses to start, naming
     * {@code connectors.${connectorTypeId}.<key>}, when one is unknown, of the wrong type or out of range.
     */
    @Override
    public List<ParameterSpec> settings() {
        return List.of(ParameterSpec.string(API_BASE, "Where the ${connectorName} API is.")
                .matching("https?://[^\\s]+")
                .withDefault("https://api.example.com"));
    }

    /** Called once per server process, with settings already validated and defaults filled in. */
    @Override
    public Connector create(ConnectorSettings settings) {
        URI apiBase = URI.create(settings.string(API_BASE).orElseThrow());
        return new ${connectorName}Connector(new ${connectorName}Api(apiBase));
    }
}
