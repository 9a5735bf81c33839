package com.example.helpdesk;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.WebhookRequest;
import io.tributary.connector.testkit.ConnectorContractTest;
import io.tributary.connector.testkit.InvalidQuery;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract test wired to the fake helpdesk, as the connector's author would write it. */
abstract class HelpdeskContract extends ConnectorContractTest {

    static final String SIGNING_SECRET = "whsec_helpdesk_test_secret";

    private FakeHelpdesk helpdesk;

    @BeforeAll
    void startFakeHelpdesk() {
        helpdesk = new FakeHelpdesk();
    }

    @AfterAll
    void stopFakeHelpdesk() {
        helpdesk.close();
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
        return List.of(new InvalidQuery(connectorTypeId() + ".recent_tickets",
                JsonNodeFactory.instance.objectNode().put("requester_email", "not-an-email"), "requester_email"));
    }

    @Override
    protected Optional<WebhookRequest> signedWebhook() {
        byte[] body = "{\"id\":\"whk_1\",\"type\":\"ticket.updated\",\"created\":1700000000,\"ticket\":{\"id\":\"t_1\"}}"
                .getBytes(StandardCharsets.UTF_8);
        return Optional.of(new WebhookRequest(body, Map.of("X-Helpdesk-Signature", List.of("sha256=" + hmacHex(body))),
                List.of(SIGNING_SECRET)));
    }

    private static String hmacHex(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
