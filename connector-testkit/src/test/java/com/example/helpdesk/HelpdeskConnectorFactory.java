package com.example.helpdesk;

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
 * The entry point of a connector for an imaginary helpdesk, written the way a third party writes
 * one: outside Tributary's packages, against the SPI alone, listed in {@code META-INF/services}. It
 * proves the contract test kit on something other than the Stripe connector.
 */
public class HelpdeskConnectorFactory implements ConnectorFactory {

    private final String typeId;

    /** The connector as shipped; found by ServiceLoader. */
    public HelpdeskConnectorFactory() {
        this("helpdesk");
    }

    /**
     * A variant under another type id (tests install deliberately broken variants side by side).
     *
     * @param typeId the type id
     */
    protected HelpdeskConnectorFactory(String typeId) {
        this.typeId = typeId;
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return ConnectorDescriptor.builder(typeId, "Helpdesk", "Counts and lists support tickets.")
                .credentialField(apiTokenField())
                .queryType(QueryType.builder(typeId + ".open_tickets", "How many tickets are open, and since when.")
                                .parameter(ParameterSpec.string("priority", "Only tickets of this priority.").oneOf("low", "normal", "urgent"))
                                .resultField(openTicketsFields().toArray(ResultField[]::new))
                                .build(),
                        QueryType.builder(typeId + ".recent_tickets", "The most recently created tickets.")
                                .parameter(ParameterSpec.integer("limit", "How many tickets.").between(1, 50).withDefault(10),
                                        ParameterSpec.string("requester_email", "Only tickets from this requester."))
                                .resultField(ResultField.arrayOf("tickets", "Newest first.",
                                        ResultField.of("id", FieldType.STRING, "The ticket id."),
                                        ResultField.of("subject", FieldType.STRING, "The subject line."),
                                        ResultField.of("status", FieldType.STRING, "open, pending or solved."),
                                        ResultField.of("created_at", FieldType.TIMESTAMP, "When it was opened."),
                                        ResultField.nullable("requester_email", FieldType.STRING, "Who opened it.")))
                                .build())
                .build();
    }

    /** {@code api_base}: where the helpdesk's API is, so a test points the connector at its fake. */
    @Override
    public List<ParameterSpec> settings() {
        return List.of(ParameterSpec.string("api_base", "Where the helpdesk's API is.").matching("https?://.+")
                .withDefault(HelpdeskApi.DEFAULT_BASE));
    }

    @Override
    public Connector create(ConnectorSettings settings) {
        return new HelpdeskConnector(typeId, descriptor(), new HelpdeskApi(URI.create(settings.string("api_base").orElseThrow())));
    }

    /** The credential field; a variant may describe it differently. */
    protected CredentialField apiTokenField() {
        return CredentialField.secret("api_token", "API token").pattern("hd_[A-Za-z0-9]{16,}")
                .helpText("Starts with hd_, from Settings > API").publicPrefixes("hd_").build();
    }

    /** The result fields of open_tickets; a variant may promise more. */
    protected List<ResultField> openTicketsFields() {
        return List.of(ResultField.of("count", FieldType.INTEGER, "Open tickets."),
                ResultField.nullable("oldest_created_at", FieldType.TIMESTAMP, "When the oldest open ticket was opened."));
    }
}
