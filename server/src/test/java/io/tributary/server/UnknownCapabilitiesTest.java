package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A key whose check meets one odd endpoint is saved with that capability unknown and a warning,
 * and the server never takes an unknown stream for a readable one; capabilities stored before
 * statuses existed still read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownCapabilitiesTest {

    private TestServer server;
    private Api api;

    @BeforeAll
    void start() {
        server = new TestServer(FakeStripeAccount.create()).start();
        api = server.api();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String newWorkspace() {
        Api.Reply created = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Odd", "plan", "builder"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("apiToken").asText();
    }

    private static Optional<JsonNode> capability(JsonNode source, String kind, String id) {
        return StreamSupport.stream(source.get("permissions").spliterator(), false)
                .filter(status -> status.get("kind").asText().equals(kind) && status.get("id").asText().equals(id)).findFirst();
    }

    @Test
    void aSourceIsSavedWhenOneListEndpointAnswers404WithAWarningNamingItAndTheStreamUnknown() {
        String token = newWorkspace();
        String key = server.stripe().addKey(KeyAccess.allReads());
        server.stripe().failNext("/v1/events", 1, 404);

        Api.Reply created = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "credentials", Map.of("apiKey", key)));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("warnings")).singleElement()
                .satisfies(warning -> assertThat(warning.asText()).contains("'events'", "GET /v1/events", "HTTP 404"));
        JsonNode events = capability(created.body(), "STREAM", "events").orElseThrow();
        assertThat(events.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(events.get("available").asBoolean()).isFalse();
        assertThat(events.get("reason").asText()).contains("GET /v1/events", "HTTP 404");
        assertThat(created.body().get("permissions")).filteredOn(status -> !status.get("id").asText().equals("events"))
                .allSatisfy(status -> assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("AVAILABLE"));
        assertThat(created.raw()).doesNotContain(key.substring(8));

        String id = created.body().get("id").asText();
        JsonNode read = api.get("/api/v1/data-sources/" + id, token).body();
        assertThat(capability(read, "STREAM", "events").orElseThrow().get("reason").asText()).as("as stored").contains("GET /v1/events");

        Api.Reply selected = api.put("/api/v1/data-sources/" + id + "/datasets", token, Map.of("datasets", List.of(Map.of("stream", "events"))));
        assertThat(selected.status()).as(selected.raw()).isEqualTo(422);
        assertThat(selected.errorCode()).isEqualTo("stream_readability_unknown");
        assertThat(selected.errorField()).isEqualTo("datasets[0].stream");
        assertThat(selected.body().at("/error/message").asText()).contains("'events' is unknown", "GET /v1/events");
    }

    @Test
    void capabilitiesStoredBeforeStatusesExistedStillRead() {
        String token = newWorkspace();
        Api.Reply created = api.post("/api/v1/data-sources", token,
                Map.of("type", "stripe", "credentials", Map.of("apiKey", server.stripe().addKey(KeyAccess.allReads()))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().get("id").asText();
        String storedBefore = "[{\"kind\": \"STREAM\", \"id\": \"customers\", \"available\": true, \"missingPermission\": null},"
                + " {\"kind\": \"STREAM\", \"id\": \"payouts\", \"available\": false, \"missingPermission\": \"Payouts: Read\"}]";
        server.database().useHandle(handle -> handle.createUpdate("UPDATE data_source SET permissions = CAST(:old AS jsonb) WHERE id = :id")
                .bind("old", storedBefore).bind("id", id).execute());

        Api.Reply read = api.get("/api/v1/data-sources/" + id, token);

        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(capability(read.body(), "STREAM", "customers").orElseThrow().get("status").asText()).isEqualTo("AVAILABLE");
        JsonNode payouts = capability(read.body(), "STREAM", "payouts").orElseThrow();
        assertThat(payouts.get("status").asText()).isEqualTo("MISSING");
        assertThat(payouts.get("missingPermission").asText()).isEqualTo("Payouts: Read");
        Api.Reply selected = api.put("/api/v1/data-sources/" + id + "/datasets", token, Map.of("datasets", List.of(Map.of("stream", "payouts"))));
        assertThat(selected.status()).as(selected.raw()).isEqualTo(422);
        assertThat(selected.errorCode()).isEqualTo("stream_not_readable");
    }
}
