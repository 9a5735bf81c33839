package com.example.helpdesk;

import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.WebhookContext;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import io.tributary.connector.spi.Webhooks;
import java.util.List;

/** Webhooks verified as others verify them; a broken variant overrides the one thing it gets wrong. */
class ForwardingWebhooks implements Webhooks {

    private final Webhooks delegate;

    ForwardingWebhooks(Webhooks delegate) {
        this.delegate = delegate;
    }

    @Override
    public CredentialField signingSecretField() {
        return delegate.signingSecretField();
    }

    @Override
    public List<WebhookEvent> verify(WebhookContext context, WebhookRequest request) {
        return delegate.verify(context, request);
    }
}
