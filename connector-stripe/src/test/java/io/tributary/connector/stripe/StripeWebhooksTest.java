package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.host.ConnectorInstaller;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.WebhookContext;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import io.tributary.connector.spi.Webhooks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StripeWebhooksTest {

    private static final String SECRET = "whsec_0123456789abcdefghij";
    private static final long T = 1_763_900_000L;
    private final InstalledConnector connector = install(Map.of());
    private final Webhooks webhooks = connector.webhooks().orElseThrow();

    private static InstalledConnector install(Map<String, String> settings) {
        return ConnectorInstaller.install(new StripeConnectorFactory(), "test", settings);
    }

    @AfterEach
    void close() {
        connector.connector().close();
    }

    private static WebhookContext context(long nowSeconds) {
        return WebhookContext.of(Clock.fixed(Instant.ofEpochSecond(nowSeconds), ZoneOffset.UTC));
    }

    private static WebhookRequest delivery(String body, long signedAt) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new WebhookRequest(bytes, Map.of("Stripe-Signature", List.of("t=" + signedAt + ",v1="
                + StripeSignatureTest.sign(SECRET, signedAt, bytes))), List.of(SECRET));
    }

    private static String event(String type) {
        return """
                {"id": "evt_1Abc", "object": "event", "type": "%s", "created": %d, "api_version": "2026-07-29.dahlia",
                 "data": {"object": {"id": "sub_1", "object": "subscription", "status": "active"}}}""".formatted(type, T);
    }

    @Test
    void aSubscriptionEventMakesMrrSubscribersAndTheSubscriptionStreamsStale() {
        List<WebhookEvent> events = webhooks.verify(context(T), delivery(event("customer.subscription.updated"), T));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("evt_1Abc");
            assertThat(e.type()).isEqualTo("customer.subscription.updated");
            assertThat(e.createdAt()).isEqualTo(Instant.ofEpochSecond(T));
            assertThat(e.staleQueryTypes()).contains("stripe.mrr", "stripe.subscribers").doesNotContain("stripe.balance");
            assertThat(e.staleStreams()).contains("subscriptions", "subscription_items", "events");
            assertThat(e.object().get("id").asText()).isEqualTo("sub_1");
        });
    }

    @Test
    void eventTypesMapToTheirQueriesAndStreams() {
        assertThat(StripeEventEffects.of("charge.succeeded").queryTypes()).contains("stripe.recent_charges", "stripe.revenue");
        assertThat(StripeEventEffects.of("charge.succeeded").streams()).contains("charges");
        assertThat(StripeEventEffects.of("charge.refunded").streams()).contains("refunds", "charges");
        assertThat(StripeEventEffects.of("balance.available").queryTypes()).contains("stripe.balance").doesNotContain("stripe.mrr");
        assertThat(StripeEventEffects.of("invoice.paid").streams()).contains("invoices", "invoice_line_items");
        assertThat(StripeEventEffects.of("something.new").queryTypes()).containsExactlyInAnyOrder("stripe.list", "stripe.get");
    }

    @Test
    void everyRuleNamesOnlyDeclaredQueryTypesAndStreams() {
        Set<String> queryTypes = connector.descriptor().queryTypes().stream().map(QueryType::id).collect(Collectors.toSet());
        Set<String> streams = connector.streamDescriptors().stream().map(StreamDescriptor::name).collect(Collectors.toSet());
        for (StripeEventEffects.Rule rule : StripeEventEffects.rules()) {
            assertThat(queryTypes).as(rule.prefix()).containsAll(rule.queryTypes());
            assertThat(streams).as(rule.prefix()).containsAll(rule.streams());
        }
    }

    @Test
    void aMalformedBodyWithAGoodSignatureIsATypedFailure() {
        for (String body : List.of("not json", "[1,2]", "{\"object\":\"event\",\"type\":\"x\"}", "{\"id\":\"evt\",\"object\":\"charge\"}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\",\"created\":\"yesterday\"}")) {
            assertThatThrownBy(() -> webhooks.verify(context(T), delivery(body, T)))
                    .as(body)
                    .isInstanceOfSatisfying(ConnectorException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.WEBHOOK_PAYLOAD_MALFORMED.toErrorCode()));
        }
        byte[] invalidUtf8 = {(byte) 0xC3, (byte) 0x28};
        WebhookRequest binary = new WebhookRequest(invalidUtf8, Map.of("Stripe-Signature",
                List.of("t=" + T + ",v1=" + StripeSignatureTest.sign(SECRET, T, invalidUtf8))), List.of(SECRET));
        assertThatThrownBy(() -> webhooks.verify(context(T), binary))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.WEBHOOK_PAYLOAD_MALFORMED.toErrorCode()));
    }

    @Test
    void theToleranceComesFromTheSettings() {
        WebhookRequest old = delivery(event("charge.succeeded"), T - 600);
        assertThatThrownBy(() -> webhooks.verify(context(T), old))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE.toErrorCode()));
        InstalledConnector tolerant = install(Map.of("webhook_tolerance_seconds", "900"));
        try {
            assertThat(tolerant.webhooks().orElseThrow().verify(context(T), old)).hasSize(1);
        } finally {
            tolerant.connector().close();
        }
    }

    @Test
    void theSigningSecretIsAnOptionalSecretFieldApartFromTheKey() {
        CredentialField field = webhooks.signingSecretField();

        assertThat(field.name()).isEqualTo("webhook_secret");
        assertThat(field.secret()).isTrue();
        assertThat(field.required()).isFalse();
        assertThat(field.publicPrefixes()).containsExactly("whsec_");
        assertThat(field.accepts(SECRET)).isTrue();
        assertThat(field.accepts("sk_test_0123456789abcdefghij")).isFalse();
        assertThat(connector.descriptor().credentialField("webhook_secret")).isEmpty();
        assertThat(connector.credentialFields()).extracting(CredentialField::name).containsExactly("api_key", "webhook_secret");
    }
}
