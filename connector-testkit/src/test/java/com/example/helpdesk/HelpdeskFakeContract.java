package com.example.helpdesk;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.WebhookRequest;
import io.tributary.connector.testkit.Capability;
import io.tributary.connector.testkit.ConnectorContractTest;
import io.tributary.connector.testkit.InvalidQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract test wired to the fake helpdesk, with the hooks every contract must implement; each
 * subclass names the factory. {@link HelpdeskContract} adds the hooks a connector with webhooks and
 * permissions must answer too.
 */
abstract class HelpdeskFakeContract extends ConnectorContractTest {

    static final String SIGNING_SECRET = "whsec_helpdesk_test_secret";

    protected FakeHelpdesk helpdesk;

    @BeforeAll
    void startFakeHelpdesk() {
        helpdesk = new FakeHelpdesk();
    }

    @AfterAll
    void stopFakeHelpdesk() {
        helpdesk.close();
    }

    @Override
    protected Map<String, ?> settings() {
        return Map.of("api_base", helpdesk.baseUrl());
    }

    @Override
    protected Set<Capability> expectedCapabilities() {
        return EnumSet.of(Capability.WEBHOOKS, Capability.STREAMS);
    }

    @Override
    protected ConnectorContext contextWithValidCredentials() {
        return helpdesk.context(FakeHelpdesk.VALID_TOKEN);
    }

    @Override
    protected ConnectorContext contextWithRejectedCredentials() {
        return helpdesk.context(FakeHelpdesk.REVOKED_TOKEN);
    }

    @Override
    protected ConnectorContext contextWithUnavailableProvider() {
        return helpdesk.context(FakeHelpdesk.UNAVAILABLE_TOKEN);
    }

    @Override
    protected long providerRequestCount() {
        return helpdesk.requestCount();
    }

    @Override
    protected List<InvalidQuery> connectorSpecificInvalidQueries() {
        return List.of(new InvalidQuery(installed().typeId() + ".recent_tickets",
                JsonNodeFactory.instance.objectNode().put("requester_email", "not-an-email"), "requester_email"));
    }

    @Override
    protected Optional<WebhookRequest> signedWebhook() {
        return Optional.of(signedAt(FakeHelpdesk.CLOCK.instant()));
    }

    static WebhookRequest signedAt(Instant time) {
        long timestamp = time.getEpochSecond();
        byte[] body = ("{\"id\":\"whk_1\",\"type\":\"ticket.updated\",\"created\":" + timestamp + ",\"ticket\":{\"id\":\"t_1\"}}")
                .getBytes(StandardCharsets.UTF_8);
        String signature = HexFormat.of().formatHex(HelpdeskWebhooks.hmac(SIGNING_SECRET, HelpdeskWebhooks.signedContent(timestamp, body)));
        return new WebhookRequest(body, Map.of(HelpdeskWebhooks.TIMESTAMP_HEADER, List.of(String.valueOf(timestamp)),
                HelpdeskWebhooks.SIGNATURE_HEADER, List.of("sha256=" + signature)), List.of(SIGNING_SECRET));
    }
}
