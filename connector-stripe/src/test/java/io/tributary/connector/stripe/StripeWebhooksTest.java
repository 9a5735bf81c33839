package io.tributary.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.ConnectorContext;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ConnectorSettings;
import io.tributary.connector.spi.Credentials;
import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.StandardErrorCode;
import io.tributary.connector.spi.StreamDescriptor;
import io.tributary.connector.spi.WebhookEvent;
import io.tributary.connector.spi.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StripeWebhooksTest {

    private static final String SECRET = "whsec_0123456789abcdefghij";
    private static final long T = 1_763_900_000L;
    private final StripeConnector connector = new StripeConnector();

    private static ConnectorContext context(long nowSeconds, Map<String, String> settings) {
        return ConnectorContext.builder()
                .credentials(() -> new Credentials(Map.of("api_key", "rk_test_abcdefghijklmnop")))
                .settings(new ConnectorSettings(settings))
                .clock(Clock.fixed(Instant.ofEpochSecond(nowSeconds), ZoneOffset.UTC))
                .build();
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
        List<WebhookEvent> events = connector.parseWebhook(context(T, Map.of()), delivery(event("customer.subscription.updated"), T));

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
        Set<String> streams = connector.descriptor().streams().stream().map(StreamDescriptor::name).collect(Collectors.toSet());
        for (StripeEventEffects.Rule rule : StripeEventEffects.rules()) {
            assertThat(queryTypes).as(rule.prefix()).containsAll(rule.queryTypes());
            assertThat(streams).as(rule.prefix()).containsAll(rule.streams());
        }
    }

    @Test
    void aMalformedBodyWithAGoodSignatureIsATypedFailure() {
        for (String body : List.of("not json", "[1,2]", "{\"object\":\"event\",\"type\":\"x\"}", "{\"id\":\"evt\",\"object\":\"charge\"}",
                "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"x\",\"created\":\"yesterday\"}")) {
            assertThatThrownBy(() -> connector.parseWebhook(context(T, Map.of()), delivery(body, T)))
                    .as(body)
                    .isInstanceOfSatisfying(ConnectorException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.WEBHOOK_PAYLOAD_MALFORMED.toErrorCode()));
        }
        byte[] invalidUtf8 = {(byte) 0xC3, (byte) 0x28};
        WebhookRequest binary = new WebhookRequest(invalidUtf8, Map.of("Stripe-Signature",
                List.of("t=" + T + ",v1=" + StripeSignatureTest.sign(SECRET, T, invalidUtf8))), List.of(SECRET));
        assertThatThrownBy(() -> connector.parseWebhook(context(T, Map.of()), binary))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.WEBHOOK_PAYLOAD_MALFORMED.toErrorCode()));
    }

    @Test
    void theToleranceComesFromTheSettings() {
        WebhookRequest old = delivery(event("charge.succeeded"), T - 600);
        assertThatThrownBy(() -> connector.parseWebhook(context(T, Map.of()), old))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(StandardErrorCode.WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE.toErrorCode()));
        assertThat(connector.parseWebhook(context(T, Map.of("webhook_tolerance_seconds", "900")), old)).hasSize(1);
    }
}
