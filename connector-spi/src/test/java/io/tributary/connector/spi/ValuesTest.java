package io.tributary.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void credentialsNeverShowTheirValues() {
        Credentials credentials = new Credentials(Map.of("api_key", "rk_live_TOPSECRET", "webhook_secret", "whsec_HIDDEN"));

        assertThat(credentials.toString()).isEqualTo("Credentials[api_key=***, webhook_secret=***]");
        assertThat(credentials.require("api_key")).isEqualTo("rk_live_TOPSECRET");
        assertThat(credentials.find("other")).isEmpty();
        assertThatThrownBy(() -> credentials.require("other"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CREDENTIALS_REJECTED);
                    assertThat(e.field()).contains("other");
                });
    }

    @Test
    void recordsCopyWhatTheyAreGiven() {
        Map<String, String> values = new HashMap<>(Map.of("api_key", "a"));
        Credentials credentials = new Credentials(values);
        values.put("api_key", "changed");
        assertThat(credentials.require("api_key")).isEqualTo("a");

        ObjectNode data = JsonNodeFactory.instance.objectNode().put("count", 1);
        QueryResult result = QueryResult.of(data);
        data.put("count", 2);
        result.data().put("count", 3);
        assertThat(result.data().get("count").asInt()).isEqualTo(1);

        List<String> notices = new ArrayList<>(List.of("a"));
        QueryResult withNotices = new QueryResult(data, notices);
        notices.add("b");
        assertThat(withNotices.notices()).containsExactly("a");
        assertThatThrownBy(() -> withNotices.notices().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void webhookRequestsCopyTheBodyMatchHeadersInAnyCaseAndHideSecrets() {
        byte[] body = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
        WebhookRequest request = new WebhookRequest(body, Map.of("Stripe-Signature", List.of("t=1,v1=ab")),
                List.of("whsec_NEW", "whsec_OLD"));
        body[0] = 'X';
        request.body()[1] = 'Y';

        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"evt_1\"}");
        assertThat(request.header("stripe-signature")).contains("t=1,v1=ab");
        assertThat(request.header("STRIPE-SIGNATURE")).contains("t=1,v1=ab");
        assertThat(request.header("other")).isEmpty();
        assertThat(request.toString()).doesNotContain("whsec").contains("2 signing secret(s)");
        assertThatThrownBy(() -> new WebhookRequest(body, Map.of(), List.of()))
                .hasMessageContaining("at least one signing secret");
    }

    @Test
    void webhookEventsCopyTheirObjectAndSets() {
        ObjectNode object = JsonNodeFactory.instance.objectNode().put("id", "sub_1");
        WebhookEvent event = new WebhookEvent("evt_1", "customer.subscription.updated", Instant.EPOCH,
                Set.of("stripe.mrr"), Set.of("subscriptions"), object);
        object.put("id", "changed");

        assertThat(event.object().get("id").asText()).isEqualTo("sub_1");
        assertThat(new WebhookEvent("evt_2", "ping", Instant.EPOCH, Set.of(), Set.of(), null).object()).isNull();
    }

    @Test
    void streamValuesCheckTheirBounds() {
        assertThatThrownBy(() -> new StreamReadRequest("charges", null, null, 0)).hasMessageContaining("pageSize");
        assertThatThrownBy(() -> new StreamReadRequest("charges", null, null, 1001)).hasMessageContaining("pageSize");
        assertThatThrownBy(() -> new CreatedWindow(Instant.ofEpochSecond(10), Instant.ofEpochSecond(10)))
                .hasMessageContaining("must end after it starts");
        CreatedWindow window = new CreatedWindow(Instant.ofEpochSecond(10), Instant.ofEpochSecond(20));
        assertThat(window.contains(Instant.ofEpochSecond(10))).isTrue();
        assertThat(window.contains(Instant.ofEpochSecond(20))).isFalse();
        assertThat(new StreamPage(List.of(), null).hasMore()).isFalse();
        assertThat(new StreamPage(List.of(), "ch_9").hasMore()).isTrue();
    }

    @Test
    void timeoutsMustBePositiveAndCoherent() {
        assertThatThrownBy(() -> new Timeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("connect timeout must be positive");
        assertThatThrownBy(() -> new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("must not be shorter than the read timeout");
    }

    @Test
    void aWebhookContextCarriesAClockAndNothingElse() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);

        assertThat(WebhookContext.of(clock).clock()).isSameAs(clock);
        assertThat(WebhookContext.of(clock)).isNotInstanceOf(ConnectorContext.class);
        assertThatThrownBy(() -> WebhookContext.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void capabilitiesAnswerWhatTheCredentialsCanDo() {
        CredentialCheck check = new CredentialCheck(new AccountIdentity("acct_1", true, "Shop"), List.of(
                CapabilityStatus.available(CapabilityStatus.Kind.QUERY_TYPE, "acme.count"),
                CapabilityStatus.missing(CapabilityStatus.Kind.QUERY_TYPE, "acme.mrr", "Subscriptions: Read"),
                CapabilityStatus.available(CapabilityStatus.Kind.STREAM, "customers"),
                CapabilityStatus.unknown(CapabilityStatus.Kind.STREAM, "events", "GET /v1/events answered HTTP 404")), List.of());

        assertThat(check.canRun("acme.count")).isTrue();
        assertThat(check.canRun("acme.mrr")).isFalse();
        assertThat(check.canRun("customers")).isFalse();
        assertThat(check.canRead("customers")).isTrue();
        assertThat(check.canRead("events")).as("unknown is not readable").isFalse();
        assertThatThrownBy(() -> new CapabilityStatus(CapabilityStatus.Kind.STREAM, "x", CapabilityStatus.Status.AVAILABLE, "Read", null))
                .hasMessageContaining("Only a missing capability names a permission");
    }

    @Test
    void anUnknownCapabilitySaysWhyAndOnlyItHasAReason() {
        CapabilityStatus unknown = CapabilityStatus.unknown(CapabilityStatus.Kind.STREAM, "events", "GET /v1/events answered HTTP 404");

        assertThat(unknown.status()).isEqualTo(CapabilityStatus.Status.UNKNOWN);
        assertThat(unknown.available()).isFalse();
        assertThat(unknown.missingPermission()).isNull();
        assertThat(unknown.reason()).isEqualTo("GET /v1/events answered HTTP 404");
        assertThat(new CapabilityStatus(CapabilityStatus.Kind.STREAM, "x", CapabilityStatus.Status.MISSING, "Events: Read", null))
                .isEqualTo(CapabilityStatus.missing(CapabilityStatus.Kind.STREAM, "x", "Events: Read"));
        assertThatThrownBy(() -> CapabilityStatus.unknown(CapabilityStatus.Kind.STREAM, "x", " ")).hasMessageContaining("reason");
        assertThatThrownBy(() -> CapabilityStatus.unknown(CapabilityStatus.Kind.STREAM, "x", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CapabilityStatus(CapabilityStatus.Kind.STREAM, "x", CapabilityStatus.Status.MISSING, null, "why"))
                .hasMessageContaining("only an unknown one, has a reason");
        assertThatThrownBy(() -> new CapabilityStatus(CapabilityStatus.Kind.STREAM, "x", CapabilityStatus.Status.UNKNOWN, "Read", "why"))
                .hasMessageContaining("Only a missing capability names a permission");
    }

    @Test
    void capabilitiesRoundTripThroughJsonAndReadWhatWasStoredBeforeStatuses() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<CapabilityStatus> statuses = List.of(CapabilityStatus.available(CapabilityStatus.Kind.QUERY_TYPE, "acme.count"),
                CapabilityStatus.missing(CapabilityStatus.Kind.STREAM, "customers", "Customers: Read"),
                CapabilityStatus.unknown(CapabilityStatus.Kind.STREAM, "events", "GET /v1/events answered HTTP 404"));
        TypeReference<List<CapabilityStatus>> listOf = new TypeReference<>() { };

        String written = json.writeValueAsString(statuses);

        assertThat(json.readTree(written).get(2).toString()).isEqualTo(
                "{\"kind\":\"STREAM\",\"id\":\"events\",\"status\":\"UNKNOWN\",\"available\":false,"
                        + "\"missingPermission\":null,\"reason\":\"GET /v1/events answered HTTP 404\"}");
        assertThat(json.readTree(written).get(0).get("available").asBoolean()).isTrue();
        assertThat(json.readValue(written, listOf)).isEqualTo(statuses);
        String storedBefore = "[{\"kind\":\"QUERY_TYPE\",\"id\":\"acme.count\",\"available\":true,\"missingPermission\":null},"
                + "{\"kind\":\"STREAM\",\"id\":\"customers\",\"available\":false,\"missingPermission\":\"Customers: Read\"}]";
        assertThat(json.readValue(storedBefore, listOf)).isEqualTo(statuses.subList(0, 2));
        assertThatThrownBy(() -> json.readValue("[{\"kind\":\"STREAM\",\"id\":\"x\"}]", listOf))
                .hasMessageContaining("needs 'status'");
    }

    @Test
    void changesSayWhetherTheHostMustReadTheObjectAgain() {
        Instant at = Instant.parse("2026-07-01T00:00:00Z");
        ObjectNode state = JsonNodeFactory.instance.objectNode().put("id", "cus_1");
        Change update = new Change("customers", "cus_1", at, false, state);
        state.put("id", "changed");
        assertThat(update.object().get("id").asText()).isEqualTo("cus_1");
        assertThat(update.needsRead()).isFalse();
        assertThat(new Change("customers", "cus_1", at, false, null).needsRead()).isTrue();
        assertThat(new Change("customers", "cus_1", at, true, null).needsRead()).isFalse();
        assertThatThrownBy(() -> new Change("Customers", "cus_1", at, false, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Change("customers", " ", at, false, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExpiredChangePageCarriesNoChangesButAPlaceToRestart() {
        ChangePage expired = ChangePage.expired("restart-here");
        assertThat(expired.cursorExpired()).isTrue();
        assertThat(expired.changes()).isEmpty();
        assertThat(expired.nextCursor()).isEqualTo("restart-here");
        Change change = new Change("customers", "cus_1", Instant.EPOCH, true, null);
        assertThatThrownBy(() -> new ChangePage(List.of(change), "c", false, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangePage.of(List.of(), null, false)).isInstanceOf(NullPointerException.class);
        assertThat(ChangePage.of(List.of(change), "c", true).hasMore()).isTrue();
    }

    @Test
    void changeRequestsCopyTheirStreamsAndBoundThePageSize() {
        Set<String> streams = new java.util.HashSet<>(Set.of("customers"));
        ChangeRequest request = new ChangeRequest("cursor", streams, 100);
        streams.add("charges");
        assertThat(request.streams()).containsExactly("customers");
        assertThatThrownBy(() -> new ChangeRequest("cursor", Set.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangeRequest("cursor", Set.of(), 1001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangeRequest("", Set.of(), 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
