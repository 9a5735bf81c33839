package io.tributary.connector.webhook;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.WebhookContext;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import io.tributary.connector.spi.Webhooks;
import java.util.List;
import java.util.Set;

/**
 * Verifies a delivery with the source's scheme and keeps it: each verified delivery is one event,
 * whose record the host stores in the pushed stream {@code deliveries}, and which makes every
 * query type stale.
 */
final class DeliveryWebhooks implements Webhooks {

    private final Tolerance tolerance;
    private final Set<String> queryTypes;

    DeliveryWebhooks(Tolerance tolerance, Set<String> queryTypes) {
        this.tolerance = tolerance;
        this.queryTypes = Set.copyOf(queryTypes);
    }

    @Override
    public CredentialField signingSecretField() {
        return WebhookCredentials.SECRET_FIELD;
    }

    @Override
    public Set<String> verificationFields() {
        return Set.of(WebhookCredentials.SCHEME, WebhookCredentials.KEEP_HEADERS);
    }

    @Override
    public List<WebhookEvent> verify(WebhookContext context, WebhookRequest request) {
        SignatureScheme scheme;
        Set<String> kept;
        try {
            scheme = SignatureScheme.named(context.verificationField(WebhookCredentials.SCHEME).orElse(null), tolerance);
            kept = KeptHeaders.parse(context.verificationField(WebhookCredentials.KEEP_HEADERS).orElse(null));
        } catch (IllegalArgumentException e) {
            // Checked when the source was saved: only a value stored before that check gets here.
            throw new ConnectorException(WebhookErrorCodes.SETTINGS_INVALID, "The data source's webhook settings are invalid: "
                    + e.getMessage() + "; save the data source again");
        }
        return List.of(new DeliveryVerifier(scheme, kept).verify(context, request).toEvent(queryTypes));
    }
}
