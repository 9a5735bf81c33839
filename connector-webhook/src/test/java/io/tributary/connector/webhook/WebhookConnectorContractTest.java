package io.tributary.connector.webhook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.host.Contexts;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorFactory;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.WebhookRequest;
import io.tributary.connector.testkit.Capability;
import io.tributary.connector.testkit.ConnectorContractTest;
import io.tributary.connector.testkit.InvalidQuery;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract kit against the webhook connector: push-only, so its queries run over the records
 * of the signed sample delivery, as the host would keep them, and no outside system is ever asked.
 */
class WebhookConnectorContractTest extends ConnectorContractTest {

    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("the contract kit's key, 32 bytes".getBytes(StandardCharsets.US_ASCII));
    private static final String BODY = "{\"order\":{\"id\":\"o_1\",\"total\":12.5,\"plan\":\"pro\"}}";

    @Override
    protected ConnectorFactory factory() {
        return new WebhookConnectorFactory();
    }

    @Override
    protected Map<String, ?> settings() {
        return Map.of("retention_days", 7);
    }

    @Override
    protected Set<Capability> expectedCapabilities() {
        return EnumSet.of(Capability.WEBHOOKS, Capability.STREAMS, Capability.MIRROR_QUERIES);
    }

    @Override
    protected ConnectorContext contextWithValidCredentials() {
        return context(Map.of("secret", SECRET, "scheme", "standard"));
    }

    /** A Standard Webhooks source whose secret is not whsec_ and Base64: refused when saved. */
    @Override
    protected ConnectorContext contextWithRejectedCredentials() {
        return context(Map.of("secret", "a-github-style-secret-0123", "scheme", "standard"));
    }

    @Override
    protected Optional<ConnectorContext> contextWithMissingPermission() {
        return Optional.empty(); // a sender has no permissions to lack
    }

    @Override
    protected long providerRequestCount() {
        return 0; // there is no outside system: the connector has nothing to call, and the kit checks it calls nothing
    }

    @Override
    protected ObjectNode sampleParameters(QueryType queryType) {
        ObjectNode parameters = JsonNodeFactory.instance.objectNode();
        if (queryType.parameter("path").isPresent()) {
            parameters.put("path", "order.total");
        }
        if (queryType.parameter("group_by").isPresent()) {
            parameters.put("group_by", "order.plan");
        }
        return parameters;
    }

    @Override
    protected List<InvalidQuery> connectorSpecificInvalidQueries() {
        return List.of(new InvalidQuery("webhook.list", JsonNodeFactory.instance.objectNode().put("paths", "order.id,,order.total"), "paths"),
                new InvalidQuery("webhook.sum", JsonNodeFactory.instance.objectNode().put("path", "order..total"), "path"));
    }

    @Override
    protected Optional<WebhookRequest> signedWebhook() {
        return Optional.of(signedAt(TestSigning.NOW.getEpochSecond()));
    }

    @Override
    protected Optional<WebhookRequest> staleSignedWebhook() {
        return Optional.of(signedAt(TestSigning.NOW.getEpochSecond() - 3600));
    }

    @Override
    protected Clock webhookClock() {
        return Clock.fixed(TestSigning.NOW, ZoneOffset.UTC);
    }

    private static WebhookRequest signedAt(long t) {
        return TestSigning.request(BODY, Map.of("webhook-id", List.of("msg_kit_1"), "webhook-timestamp", List.of(Long.toString(t)),
                "webhook-signature", List.of(TestSigning.standardSignature(SECRET, "msg_kit_1", t, BODY))), SECRET);
    }

    private static ConnectorContext context(Map<String, String> credentials) {
        return Contexts.builder().credentials(() -> new Credentials(credentials))
                .clock(Clock.fixed(TestSigning.NOW, ZoneOffset.UTC)).build();
    }
}
