package ${package};

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.Contexts;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorFactory;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.testkit.Capability;
import io.tributary.connector.testkit.ConnectorContractTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract every connector passes, run against the fake API: the kit installs the factory as
 * the server does and checks what the server relies on (the descriptor, settings, typed errors,
 * parameters refused before any request, every stream record's key and creation time, creation
 * windows). Each failure names its case and what to change.
 */
class ${connectorName}ConnectorContractTest extends ConnectorContractTest {

    /** A fixed "now" for every context: the fake's contacts are dated from it. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);

    private Fake${connectorName}Api api;

    // The kit's test instance lives for the whole class, so the fake starts here, before the kit
    // installs the connector.
    @BeforeAll
    void startFakeApi() {
        api = Fake${connectorName}Api.start(CLOCK, 0);
    }

    @AfterAll
    void stopFakeApi() {
        api.close();
    }

    @Override
    protected ConnectorFactory factory() {
        return new ${connectorName}ConnectorFactory();
    }

    /** What an operator would configure under {@code connectors.${connectorTypeId}}: here, where the fake listens. */
    @Override
    protected Map<String, ?> settings() {
        return Map.of(${connectorName}ConnectorFactory.API_BASE, api.baseUrl());
    }

    /** Checked both ways against the facets the connector returns. */
    @Override
    protected Set<Capability> expectedCapabilities() {
        return EnumSet.of(Capability.STREAMS);
    }

    @Override
    protected ConnectorContext contextWithValidCredentials() {
        return context(Fake${connectorName}Api.VALID_KEY);
    }

    @Override
    protected ConnectorContext contextWithRejectedCredentials() {
        return context(Fake${connectorName}Api.REVOKED_KEY);
    }

    @Override
    protected ConnectorContext contextWithUnavailableProvider() {
        return context(Fake${connectorName}Api.UNAVAILABLE_KEY);
    }

    @Override
    protected Optional<ConnectorContext> contextWithMissingPermission() {
        return Optional.of(context(Fake${connectorName}Api.NO_SCOPE_KEY));
    }

    @Override
    protected long providerRequestCount() {
        return api.requestCount();
    }

    /** The parameters the kit runs each query type with, and derives its invalid cases from. */
    @Override
    protected ObjectNode sampleParameters(QueryType queryType) {
        return JsonNodeFactory.instance.objectNode().put("days", 30);
    }

    /** A context as the server builds one for a data source: its credentials, its clock. */
    static ConnectorContext context(String apiKey) {
        return Contexts.builder()
                .credentials(() -> new Credentials(Map.of(${connectorName}ConnectorFactory.API_KEY, apiKey)))
                .clock(CLOCK)
                .build();
    }
}
