package com.example.helpdesk;

import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.WebhookRequest;
import java.time.Duration;
import java.util.Optional;

/** The contract test wired to the fake helpdesk with every hook, as the connector's author would write it. */
abstract class HelpdeskContract extends HelpdeskFakeContract {

    @Override
    protected Optional<ConnectorContext> contextWithMissingPermission() {
        return Optional.of(helpdesk.context(FakeHelpdesk.FORBIDDEN_TOKEN));
    }

    @Override
    protected Optional<WebhookRequest> staleSignedWebhook() {
        return Optional.of(signedAt(FakeHelpdesk.CLOCK.instant().minus(Duration.ofHours(1))));
    }
}
