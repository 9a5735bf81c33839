package com.example.helpdesk;

import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.ResultField;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Variants of the helpdesk connector, each with one defect the contract test must catch. They are
 * installed through {@code META-INF/services} like any connector, under their own type ids.
 */
public final class BrokenHelpdeskConnectors {

    private BrokenHelpdeskConnectors() {
    }

    /** Its API token field is not marked secret. */
    public static class PlainToken extends HelpdeskConnector {
        /** Installed by ServiceLoader. */
        public PlainToken() {
            super("helpdesk-plain-token");
        }

        @Override
        protected CredentialField apiTokenField() {
            return new CredentialField("api_token", "API token", false, true, "hd_[A-Za-z0-9]{16,}", null);
        }
    }

    /** Skips its own parameter check, so a bad email reaches the network. */
    public static class Eager extends HelpdeskConnector {
        /** Installed by ServiceLoader. */
        public Eager() {
            super("helpdesk-eager");
        }

        @Override
        public void checkParameters(QueryRequest request) {
            // The defect: nothing is checked before the request is sent.
        }
    }

    /** Lets a refused token escape as an untyped exception. */
    public static class UntypedFailure extends HelpdeskConnector {
        /** Installed by ServiceLoader. */
        public UntypedFailure() {
            super("helpdesk-untyped");
        }

        @Override
        public CredentialCheck validateCredentials(ConnectorContext context) {
            try {
                return super.validateCredentials(context);
            } catch (ConnectorException e) {
                throw new IllegalStateException("HTTP call failed");
            }
        }
    }

    /** Declares a result field it never returns. */
    public static class Overpromising extends HelpdeskConnector {
        /** Installed by ServiceLoader. */
        public Overpromising() {
            super("helpdesk-overpromising");
        }

        @Override
        protected List<ResultField> openTicketsFields() {
            List<ResultField> fields = new ArrayList<>(super.openTicketsFields());
            fields.add(ResultField.of("average_age_seconds", FieldType.INTEGER, "Average age of open tickets."));
            return fields;
        }
    }

    /** Starts a change feed it cannot read: half a feature, which the host would trip over on every sync. */
    public static class HalfFeed extends HelpdeskConnector {
        /** Installed by ServiceLoader. */
        public HalfFeed() {
            super("helpdesk-half-feed");
        }

        @Override
        public String changeFeedStart(ConnectorContext context) {
            return "tickets-after:0";
        }
    }

    /** Reads every stream as empty pages: nothing for the kit to check keys on, which must not pass as checked. */
    public static class EmptyStreams extends HelpdeskConnector {
        /** Installed by ServiceLoader. */
        public EmptyStreams() {
            super("helpdesk-empty-streams");
        }

        @Override
        public StreamPage readStream(ConnectorContext context, StreamReadRequest request) {
            super.readStream(context, request); // unknown streams still fail as the real connector's do
            return new StreamPage(List.of(), null);
        }
    }

    /** Reads the source's credentials while verifying a delivery, which the host never opens for one. */
    public static class CredentialHungryWebhooks extends HelpdeskConnector {
        /** Installed by ServiceLoader. */
        public CredentialHungryWebhooks() {
            super("helpdesk-credential-hungry");
        }

        @Override
        public List<WebhookEvent> parseWebhook(ConnectorContext context, WebhookRequest request) {
            context.credentials(); // the defect: say, to look up the account the delivery is for
            return super.parseWebhook(context, request);
        }
    }
}
