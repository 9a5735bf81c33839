package com.example.helpdesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ChangeFeed;
import io.tributary.connector.spi.ChangePage;
import io.tributary.connector.spi.ChangeRequest;
import io.tributary.connector.spi.Connector;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.CredentialCheck;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.connector.spi.FieldType;
import io.tributary.connector.spi.QueryRequest;
import io.tributary.connector.spi.QueryResult;
import io.tributary.connector.spi.ResultField;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.Streams;
import io.tributary.connector.spi.WebhookContext;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import io.tributary.connector.spi.Webhooks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Variants of the helpdesk connector, each with one defect the contract test must catch. They are
 * listed in {@code META-INF/services} like any connector, under their own type ids.
 */
public final class BrokenHelpdeskConnectors {

    private BrokenHelpdeskConnectors() {
    }

    /** Its API token field is not marked secret. */
    public static class PlainToken extends HelpdeskConnectorFactory {
        /** Found by ServiceLoader. */
        public PlainToken() {
            super("helpdesk-plain-token");
        }

        @Override
        protected CredentialField apiTokenField() {
            return CredentialField.plain("api_token", "API token").pattern("hd_[A-Za-z0-9]{16,}").build();
        }
    }

    /** Skips its own parameter check, so a bad email reaches the network. */
    public static class Eager extends HelpdeskConnectorFactory {
        /** Found by ServiceLoader. */
        public Eager() {
            super("helpdesk-eager");
        }

        @Override
        public Connector create(ConnectorSettings settings) {
            return new ForwardingConnector(super.create(settings)) {
                @Override
                public void checkParameters(QueryRequest request) {
                    // The defect: nothing is checked before the request is sent.
                }
            };
        }
    }

    /** Lets a refused or failed credential check escape as an untyped exception. */
    public static class UntypedFailure extends HelpdeskConnectorFactory {
        /** Found by ServiceLoader. */
        public UntypedFailure() {
            super("helpdesk-untyped");
        }

        @Override
        public Connector create(ConnectorSettings settings) {
            return new ForwardingConnector(super.create(settings)) {
                @Override
                public CredentialCheck validateCredentials(ConnectorContext context) {
                    try {
                        return super.validateCredentials(context);
                    } catch (ConnectorException e) {
                        throw new IllegalStateException("HTTP call failed");
                    }
                }
            };
        }
    }

    /** Declares a result field it never returns. */
    public static class Overpromising extends HelpdeskConnectorFactory {
        /** Found by ServiceLoader. */
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

    /** Offers a change feed that starts but cannot be read: half a feature, which the host would trip over on every sync. */
    public static class HalfFeed extends HelpdeskConnectorFactory {
        /** Found by ServiceLoader. */
        public HalfFeed() {
            super("helpdesk-half-feed");
        }

        @Override
        public Connector create(ConnectorSettings settings) {
            ChangeFeed half = new ChangeFeed() {
                @Override
                public String start(ConnectorContext context) {
                    return "tickets-after:0";
                }

                @Override
                public ChangePage read(ConnectorContext context, ChangeRequest request) {
                    throw new ConnectorException(StandardErrorCode.UNSUPPORTED_OPERATION, "Reading changes is not implemented");
                }

                @Override
                public Optional<ObjectNode> readObject(ConnectorContext context, String stream, String objectId) {
                    throw new ConnectorException(StandardErrorCode.UNSUPPORTED_OPERATION, "Reading changes is not implemented");
                }
            };
            return withStreams(super.create(settings), streams -> new ForwardingStreams(streams) {
                @Override
                public Optional<ChangeFeed> changeFeed() {
                    return Optional.of(half);
                }
            });
        }
    }

    /** Reads every stream as empty pages: nothing for the kit to check keys on, which must not pass as checked. */
    public static class EmptyStreams extends HelpdeskConnectorFactory {
        /** Found by ServiceLoader. */
        public EmptyStreams() {
            super("helpdesk-empty-streams");
        }

        @Override
        public Connector create(ConnectorSettings settings) {
            return withStreams(super.create(settings), streams -> new ForwardingStreams(streams) {
                @Override
                public StreamPage read(ConnectorContext context, StreamReadRequest request) {
                    super.read(context, request); // unknown streams still fail as the real connector's do
                    return new StreamPage(List.of(), null);
                }
            });
        }
    }

    /** Reaches for the source's credentials while verifying a delivery, which the host never opens for one. */
    public static class CredentialHungryWebhooks extends HelpdeskConnectorFactory {
        /** Found by ServiceLoader. */
        public CredentialHungryWebhooks() {
            super("helpdesk-credential-hungry");
        }

        @Override
        public Connector create(ConnectorSettings settings) {
            return withWebhooks(super.create(settings), webhooks -> new ForwardingWebhooks(webhooks) {
                @Override
                public List<WebhookEvent> verify(WebhookContext context, WebhookRequest request) {
                    List<WebhookEvent> events = super.verify(context, request);
                    ((ConnectorContext) context).credentials(); // the defect: say, to look up the account the delivery is for
                    return events;
                }
            });
        }
    }

    /** Writes its creation times as ISO-8601 text while its stream declares unix seconds. */
    public static class IsoCursorDeclaredAsUnixSeconds extends HelpdeskConnectorFactory {
        /** Found by ServiceLoader. */
        public IsoCursorDeclaredAsUnixSeconds() {
            super("helpdesk-iso-cursor");
        }

        @Override
        public Connector create(ConnectorSettings settings) {
            return withStreams(super.create(settings), streams -> new ForwardingStreams(streams) {
                @Override
                public StreamPage read(ConnectorContext context, StreamReadRequest request) {
                    StreamPage page = super.read(context, request);
                    List<ObjectNode> records = new ArrayList<>();
                    for (ObjectNode record : page.records()) {
                        records.add(record.put("created_at", Instant.ofEpochSecond(record.path("created_at").asLong()).toString()));
                    }
                    return new StreamPage(records, page.nextCursor());
                }
            });
        }
    }

    /** Reads the whole stream whatever creation window the host asks for. */
    public static class WindowIgnored extends HelpdeskConnectorFactory {
        /** Found by ServiceLoader. */
        public WindowIgnored() {
            super("helpdesk-window-ignored");
        }

        @Override
        public Connector create(ConnectorSettings settings) {
            return withStreams(super.create(settings), streams -> new ForwardingStreams(streams) {
                @Override
                public StreamPage read(ConnectorContext context, StreamReadRequest request) {
                    return super.read(context, new StreamReadRequest(request.stream(), request.cursor(), null, request.pageSize()));
                }
            });
        }
    }

    /** Judges a delivery's timestamp by the delivery's own clock, so a replayed old delivery passes. */
    public static class StaleAccepted extends HelpdeskConnectorFactory {
        /** Found by ServiceLoader. */
        public StaleAccepted() {
            super("helpdesk-stale-accepted");
        }

        @Override
        public Connector create(ConnectorSettings settings) {
            return withWebhooks(super.create(settings), webhooks -> new ForwardingWebhooks(webhooks) {
                @Override
                public List<WebhookEvent> verify(WebhookContext context, WebhookRequest request) {
                    Clock signedAt = Clock.fixed(HelpdeskWebhooks.timestamp(request), ZoneOffset.UTC);
                    return super.verify(WebhookContext.of(signedAt), request);
                }
            });
        }
    }

    /** Takes a 403 for an unexpected answer instead of a permission to grant. */
    public static class ForbiddenAsProviderError extends HelpdeskConnectorFactory {
        /** Found by ServiceLoader. */
        public ForbiddenAsProviderError() {
            super("helpdesk-forbidden-as-error");
        }

        private static RuntimeException mapped(ConnectorException e) {
            return e.kind() == ErrorKind.PERMISSION_MISSING
                    ? new ConnectorException(StandardErrorCode.PROVIDER_ERROR, "The helpdesk answered HTTP 403") : e;
        }

        @Override
        public Connector create(ConnectorSettings settings) {
            Connector mapping = new ForwardingConnector(super.create(settings)) {
                @Override
                public QueryResult runQuery(ConnectorContext context, QueryRequest request) {
                    try {
                        return super.runQuery(context, request);
                    } catch (ConnectorException e) {
                        throw mapped(e);
                    }
                }
            };
            return withStreams(mapping, streams -> new ForwardingStreams(streams) {
                @Override
                public StreamPage read(ConnectorContext context, StreamReadRequest request) {
                    try {
                        return super.read(context, request);
                    } catch (ConnectorException e) {
                        throw mapped(e);
                    }
                }
            });
        }
    }

    /** Lost its webhooks facet in a refactoring, though its contract still claims webhooks. */
    public static class WebhooksDropped extends HelpdeskConnectorFactory {
        /** Found by ServiceLoader. */
        public WebhooksDropped() {
            super("helpdesk-webhooks-dropped");
        }

        @Override
        public Connector create(ConnectorSettings settings) {
            return new ForwardingConnector(super.create(settings)) {
                @Override
                public Optional<Webhooks> webhooks() {
                    return Optional.empty();
                }
            };
        }
    }

    /** Throws when closed a second time. */
    public static class CloseTwiceThrows extends HelpdeskConnectorFactory {
        /** Found by ServiceLoader. */
        public CloseTwiceThrows() {
            super("helpdesk-close-twice-throws");
        }

        @Override
        public Connector create(ConnectorSettings settings) {
            AtomicBoolean closed = new AtomicBoolean();
            return new ForwardingConnector(super.create(settings)) {
                @Override
                public void close() {
                    if (closed.getAndSet(true)) {
                        throw new IllegalStateException("The helpdesk client is already closed");
                    }
                    super.close();
                }
            };
        }
    }

    private static Connector withStreams(Connector connector, java.util.function.UnaryOperator<Streams> broken) {
        Streams streams = broken.apply(connector.streams().orElseThrow());
        return new ForwardingConnector(connector) {
            @Override
            public Optional<Streams> streams() {
                return Optional.of(streams);
            }
        };
    }

    private static Connector withWebhooks(Connector connector, java.util.function.UnaryOperator<Webhooks> broken) {
        Webhooks webhooks = broken.apply(connector.webhooks().orElseThrow());
        return new ForwardingConnector(connector) {
            @Override
            public Optional<Webhooks> webhooks() {
                return Optional.of(webhooks);
            }
        };
    }
}
