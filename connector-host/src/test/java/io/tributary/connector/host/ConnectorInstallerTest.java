package io.tributary.connector.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.ChangeFeed;
import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.MirrorQueries;
import io.tributary.connector.spi.ParameterSpec;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.StreamPage;
import io.tributary.connector.spi.StreamReadRequest;
import io.tributary.connector.spi.Streams;
import io.tributary.connector.spi.WebhookContext;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import io.tributary.connector.spi.Webhooks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class ConnectorInstallerTest {

    private static final String SOURCE = "plugins/acme-connector.jar";
    private static final StreamDescriptor TICKETS = StreamDescriptor.builder("tickets", "Tickets.").build();

    private static Webhooks webhooksSignedWith(CredentialField field) {
        return new Webhooks() {
            @Override
            public CredentialField signingSecretField() {
                return field;
            }

            @Override
            public List<WebhookEvent> verify(WebhookContext context, WebhookRequest request) {
                return List.of();
            }
        };
    }

    private static Streams streamsOf(List<StreamDescriptor> descriptors, Optional<ChangeFeed> feed) {
        return new Streams() {
            @Override
            public List<StreamDescriptor> descriptors() {
                return descriptors;
            }

            @Override
            public StreamPage read(ConnectorContext context, StreamReadRequest request) {
                return new StreamPage(List.of(), null);
            }

            @Override
            public Optional<ChangeFeed> changeFeed() {
                return feed;
            }
        };
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(StubFactory factory, Map<String, ?> settings) {
        return assertThatThrownBy(() -> ConnectorInstaller.install(factory, SOURCE, settings))
                .isInstanceOf(ConnectorLoadException.class)
                .hasMessageContaining(StubFactory.class.getName())
                .hasMessageContaining(SOURCE);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(StubConnector connector) {
        StubFactory factory = StubFactory.of("acme").creating(settings -> connector);
        AbstractThrowableAssert<?, ? extends Throwable> refused = assertRefused(factory, Map.of());
        assertThat(connector.closes).as("a connector refused after it was created is closed").hasValue(1);
        return refused;
    }

    @Test
    void installsAConnectorWithItsFacetsReadOnceAndTheSigningSecretAmongItsFields() {
        CredentialField secret = CredentialField.secret("webhook_secret", "Signing secret").build();
        ChangeFeed feed = new ChangeFeed() {
            @Override
            public String start(ConnectorContext context) {
                return "0";
            }

            @Override
            public io.tributary.connector.spi.ChangePage read(ConnectorContext context, io.tributary.connector.spi.ChangeRequest request) {
                return io.tributary.connector.spi.ChangePage.of(List.of(), "0", false);
            }

            @Override
            public Optional<com.fasterxml.jackson.databind.node.ObjectNode> readObject(ConnectorContext context, String stream, String id) {
                return Optional.empty();
            }
        };
        StubConnector connector = new StubConnector(Optional.of(webhooksSignedWith(secret)),
                Optional.of(streamsOf(List.of(TICKETS), Optional.of(feed))), null);

        InstalledConnector installed = ConnectorInstaller.install(StubFactory.of("acme").creating(settings -> connector), SOURCE, Map.of());
        installed.webhooks();
        installed.signingSecretField();

        assertThat(installed.typeId()).isEqualTo("acme");
        assertThat(installed.source()).isEqualTo(SOURCE);
        assertThat(installed.spiVersion()).isEqualTo(io.tributary.connector.spi.SpiVersion.CURRENT);
        assertThat(installed.connector()).isSameAs(connector);
        assertThat(installed.credentialFields()).extracting(CredentialField::name).containsExactly("api_key", "webhook_secret");
        assertThat(installed.credentialField("webhook_secret")).contains(secret);
        assertThat(installed.acceptsWebhooks()).isTrue();
        assertThat(installed.streamDescriptors()).containsExactly(TICKETS);
        assertThat(installed.stream("tickets")).contains(TICKETS);
        assertThat(installed.changeFeed()).contains(feed);
        assertThat(installed.mirrorQueries()).isEmpty();
        assertThat(connector.webhookCalls).as("the host asks the connector once, then keeps its answer").hasValue(1);
    }

    @Test
    void aConnectorWithoutFacetsHasOnlyItsDescriptorsFields() {
        InstalledConnector installed = ConnectorInstaller.install(StubFactory.of("acme"), SOURCE, null);

        assertThat(installed.acceptsWebhooks()).isFalse();
        assertThat(installed.signingSecretField()).isEmpty();
        assertThat(installed.streams()).isEmpty();
        assertThat(installed.streamDescriptors()).isEmpty();
        assertThat(installed.changeFeed()).isEmpty();
        assertThat(installed.credentialFields()).extracting(CredentialField::name).containsExactly("api_key");
    }

    @Test
    void createsTheConnectorOnceWithValidatedSettingsDefaultsFilledIn() {
        StubFactory factory = StubFactory.of("acme").withSettings(
                ParameterSpec.integer("page_size", "Records per page.").between(1, 1000).withDefault(100),
                ParameterSpec.string("api_base", "Where the API is.").withDefault("https://api.acme.example"));

        ConnectorInstaller.install(factory, SOURCE, Map.of("page_size", "300"));

        assertThat(factory.creates).hasValue(1);
        assertThat(factory.createdWith.get().integer("page_size")).contains(300L);
        assertThat(factory.createdWith.get().string("api_base")).contains("https://api.acme.example");
    }

    @Test
    void aConnectorBuiltForAnotherMajorVersionIsRefusedBeforeAnythingElse() {
        StubFactory factory = StubFactory.of("acme").reporting(() -> "1.1");

        assertRefused(factory, Map.of()).hasMessageContaining("built for connector SPI 1.1")
                .hasMessageContaining("this server provides SPI " + io.tributary.connector.spi.SpiVersion.CURRENT).hasMessageContaining("for SPI 2.x");
        assertThat(factory.creates).hasValue(0);
    }

    @Test
    void aConnectorThatCannotSayItsVersionIsRefused() {
        assertRefused(StubFactory.of("acme").reporting(() -> {
            throw new NoClassDefFoundError("com/acme/Missing");
        }), Map.of()).hasMessageContaining("cannot say which SPI version").hasMessageContaining("com/acme/Missing");
    }

    @Test
    void aDescriptorThatThrowsOrIsMissingIsRefused() {
        assertRefused(StubFactory.of("acme").describing(() -> {
            throw new IllegalArgumentException("typeId must be lower-case");
        }), Map.of()).hasMessageContaining("failed to describe itself: typeId must be lower-case")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertRefused(StubFactory.of("acme").describing(() -> null), Map.of()).hasMessageContaining("returned no descriptor");
    }

    @Test
    void invalidSettingsAreRefusedWithoutCreatingTheConnector() {
        StubFactory factory = StubFactory.of("acme").withSettings(ParameterSpec.integer("page_size", "Per page.").between(1, 100));

        assertRefused(factory, Map.of("page_size", "300", "proxy", "x"))
                .hasMessageContaining("connectors.acme.page_size must be at most 100")
                .hasMessageContaining("connectors.acme.proxy is not a setting");
        assertThat(factory.creates).hasValue(0);
    }

    @Test
    void aCreateThatThrowsOrReturnsNothingIsRefused() {
        assertRefused(StubFactory.of("acme").creating(settings -> {
            throw new IllegalStateException("no thread pool");
        }), Map.of()).hasMessageContaining("could not be created").hasMessageContaining("no thread pool")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertRefused(StubFactory.of("acme").creating(settings -> null), Map.of()).hasMessageContaining("created nothing");
    }

    @Test
    void aNullFacetIsRefusedAndTheConnectorClosed() {
        assertRefused(new StubConnector(null, Optional.empty(), null))
                .hasMessageContaining("webhooks() returned null; return Optional.empty()");
        assertRefused(new StubConnector(Optional.empty(), null, null))
                .hasMessageContaining("streams() returned null");
        assertRefused(new StubConnector(Optional.empty(), Optional.of(streamsOf(List.of(TICKETS), null)), null))
                .hasMessageContaining("streams().changeFeed() returned null");
        Streams nullMirror = new Streams() {
            @Override
            public List<StreamDescriptor> descriptors() {
                return List.of(TICKETS);
            }

            @Override
            public StreamPage read(ConnectorContext context, StreamReadRequest request) {
                return new StreamPage(List.of(), null);
            }

            @Override
            public Optional<MirrorQueries> mirrorQueries() {
                return null;
            }
        };
        assertRefused(new StubConnector(Optional.empty(), Optional.of(nullMirror), null))
                .hasMessageContaining("streams().mirrorQueries() returned null");
    }

    @Test
    void aSigningSecretFieldMustBeSecretAndNotOneOfTheDescriptorsFields() {
        assertRefused(new StubConnector(Optional.of(webhooksSignedWith(CredentialField.plain("webhook_secret", "Secret").build())),
                Optional.empty(), null)).hasMessageContaining("signing secret field must be a secret credential field");
        assertRefused(new StubConnector(Optional.of(webhooksSignedWith(null)), Optional.empty(), null))
                .hasMessageContaining("signing secret field must be a secret credential field");
        assertRefused(new StubConnector(Optional.of(webhooksSignedWith(CredentialField.secret("api_key", "Key").build())),
                Optional.empty(), null)).hasMessageContaining("the signing secret field 'api_key' must not also be one of the descriptor's");
    }

    @Test
    void aStreamsFacetMustDeclareStreamsEachOnce() {
        assertRefused(new StubConnector(Optional.empty(), Optional.of(streamsOf(List.of(), Optional.empty())), null))
                .hasMessageContaining("its streams capability declares no stream");
        assertRefused(new StubConnector(Optional.empty(), Optional.of(streamsOf(null, Optional.empty())), null))
                .hasMessageContaining("its streams capability declares no stream");
        assertRefused(new StubConnector(Optional.empty(), Optional.of(streamsOf(List.of(TICKETS, TICKETS), Optional.empty())), null))
                .hasMessageContaining("stream 'tickets' is declared twice");
    }

    @Test
    void aPushedStreamNeedsWebhooksToPushIt() {
        StreamDescriptor deliveries = StreamDescriptor.builder("deliveries", "Deliveries.")
                .cursor("received_at", io.tributary.connector.spi.CursorFormat.ISO_8601)
                .pushed(new io.tributary.connector.spi.Retention(30, 1000)).build();
        assertRefused(new StubConnector(Optional.empty(), Optional.of(streamsOf(List.of(deliveries), Optional.empty())), null))
                .hasMessageContaining("stream 'deliveries' is pushed, but the connector takes no webhooks to push it");
    }

    @Test
    void verificationFieldsMustBePlainFieldsOfTheDescriptor() {
        CredentialField secret = CredentialField.secret("webhook_secret", "Secret").build();
        assertRefused(new StubConnector(Optional.of(webhooksVerifiedWith(secret, Set.of("api_key"))), Optional.empty(), null))
                .hasMessageContaining("the verification field 'api_key' must be one of the descriptor's plain (not secret) credential fields");
        assertRefused(new StubConnector(Optional.of(webhooksVerifiedWith(secret, Set.of("scheme"))), Optional.empty(), null))
                .hasMessageContaining("the verification field 'scheme' must be one of");
        assertRefused(new StubConnector(Optional.of(webhooksVerifiedWith(secret, null)), Optional.empty(), null))
                .hasMessageContaining("webhooks().verificationFields() returned null");
    }

    private static Webhooks webhooksVerifiedWith(CredentialField field, Set<String> verificationFields) {
        return new Webhooks() {
            @Override
            public CredentialField signingSecretField() {
                return field;
            }

            @Override
            public Set<String> verificationFields() {
                return verificationFields;
            }

            @Override
            public List<WebhookEvent> verify(WebhookContext context, WebhookRequest request) {
                return List.of();
            }
        };
    }

    @Test
    void aConnectorThatDiscoversItsStreamsPerSourceMayDeclareNone() {
        Streams discovering = new Streams() {
            @Override
            public List<StreamDescriptor> descriptors() {
                return List.of();
            }

            @Override
            public List<StreamDescriptor> discover(ConnectorContext context) {
                return List.of(TICKETS);
            }

            @Override
            public StreamPage read(ConnectorContext context, StreamReadRequest request) {
                return new StreamPage(List.of(), null);
            }
        };
        InstalledConnector installed = ConnectorInstaller.install(StubFactory.of("acme")
                .creating(settings -> new StubConnector(Optional.empty(), Optional.of(discovering), null)), SOURCE, Map.of());

        assertThat(installed.discoversStreams()).as("read from the connector's own class, not the proxy around it").isTrue();
        assertThat(installed.streamDescriptors()).isEmpty();
        assertThat(ConnectorInstaller.install(StubFactory.of("acme").creating(settings -> new StubConnector(Optional.empty(),
                Optional.of(streamsOf(List.of(TICKETS), Optional.empty())), null)), SOURCE, Map.of()).discoversStreams()).isFalse();
    }
}
