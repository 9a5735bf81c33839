package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real answers of a running server fit the OpenAPI document: each body validates (JSON Schema
 * 2020-12, formats asserted) against the schema the document declares for its path, method and
 * status, and each status is one the document lists for the operation. So do the document's own
 * examples; and the validation is shown to refuse bodies that do not fit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiResponsesTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private TestServer server;
    private Api api;
    private JsonNode document;
    private final List<String> checked = new ArrayList<>();

    @BeforeAll
    void start() {
        server = new TestServer(FakeStripeAccount.create()).start();
        api = server.api();
        Api.Reply reply = api.get("/api/v1/openapi.json", null);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        document = reply.body();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void realAnswersFitTheDocumentsSchemas() {
        SoftAssertions softly = new SoftAssertions();
        String admin = TestServer.ADMIN_TOKEN;

        Api.Reply workspace = check(softly, "POST", "/api/v1/workspaces", 201,
                api.post("/api/v1/workspaces", admin, Map.of("name", "Acme", "plan", "builder")));
        String workspaceId = workspace.body().get("id").asText();
        String token = workspace.body().get("apiToken").asText();
        check(softly, "GET", "/api/v1/workspaces/{id}", 200, api.get("/api/v1/workspaces/" + workspaceId, token));
        check(softly, "PATCH", "/api/v1/workspaces/{id}", 200,
                api.patch("/api/v1/workspaces/" + workspaceId, token, Map.of("name", "Acme Inc")));

        String tokens = "/api/v1/workspaces/" + workspaceId + "/tokens";
        Api.Reply reader = check(softly, "POST", "/api/v1/workspaces/{workspaceId}/tokens", 201,
                api.post(tokens, token, Map.of("name", "office dashboard", "scope", "read", "expiresAt", "2099-01-01T00:00:00Z")));
        check(softly, "GET", "/api/v1/workspaces/{workspaceId}/tokens", 200, api.get(tokens, token));

        check(softly, "GET", "/api/v1/connectors", 200, api.get("/api/v1/connectors", token));
        String apiKey = server.stripe().addKey(KeyAccess.allReads());
        check(softly, "POST", "/api/v1/connectors/{type}/validate", 200, api.post("/api/v1/connectors/stripe/validate", token,
                Map.of("credentials", Map.of("apiKey", apiKey), "queryConfig", Map.of("type", "stripe.balance", "params", Map.of()))));

        Api.Reply source = check(softly, "POST", "/api/v1/data-sources", 201, api.post("/api/v1/data-sources", token,
                Map.of("type", "stripe", "label", "Stripe (live)", "credentials", Map.of("apiKey", apiKey))));
        String sourceId = source.body().get("id").asText();
        check(softly, "GET", "/api/v1/data-sources", 200, api.get("/api/v1/data-sources", token));
        check(softly, "GET", "/api/v1/data-sources/{id}", 200, api.get("/api/v1/data-sources/" + sourceId, token));
        check(softly, "POST", "/api/v1/data-sources/{id}/test", 200, api.post("/api/v1/data-sources/" + sourceId + "/test", token, null));
        check(softly, "GET", "/api/v1/data-sources/{id}/streams", 200, api.get("/api/v1/data-sources/" + sourceId + "/streams", token));

        String datasets = "/api/v1/data-sources/" + sourceId + "/datasets";
        check(softly, "PUT", "/api/v1/data-sources/{id}/datasets", 200,
                api.put(datasets, token, Map.of("datasets", List.of(Map.of("stream", "customers", "startDate", "2024-01-01")))));
        check(softly, "GET", "/api/v1/data-sources/{id}/datasets", 200, api.get(datasets, token));
        check(softly, "GET", "/api/v1/data-sources/{id}/datasets/{stream}/records", 200,
                api.get(datasets + "/customers/records?limit=10", token));
        check(softly, "POST", "/api/v1/data-sources/{id}/datasets/{stream}/resync", 202,
                api.post(datasets + "/customers/resync", token, null));

        Api.Reply block = check(softly, "POST", "/api/v1/blocks", 201, api.post("/api/v1/blocks", token, Map.of(
                "binding", Map.of("dataSourceId", sourceId,
                        "queryConfig", Map.of("type", "stripe.balance", "params", Map.of()),
                        "projection", Map.of("fields", Map.of("value", Map.of("source", "available_cents")))),
                "widget", Map.of("template", "number", "data", Map.of("label", "Balance")))));
        String blockId = block.body().get("id").asText();
        check(softly, "GET", "/api/v1/blocks/{id}", 200, api.get("/api/v1/blocks/" + blockId, token));
        String readToken = reader.body().get("token").asText();
        check(softly, "GET", "/api/v1/blocks", 200, api.get("/api/v1/blocks", readToken));
        check(softly, "POST", "/api/v1/blocks/{id}/refresh", 200, api.post("/api/v1/blocks/" + blockId + "/refresh", token, null));
        check(softly, "GET", "/api/v1/blocks/{id}/history", 200, api.get("/api/v1/blocks/" + blockId + "/history", token));
        check(softly, "POST", "/api/v1/blocks/preview", 200, api.post("/api/v1/blocks/preview", token, Map.of(
                "binding", Map.of("dataSourceId", sourceId, "queryConfig", Map.of("type", "stripe.balance"),
                        "projection", Map.of("fields", Map.of("value", Map.of("source", "available_cents", "format", "currency", "compare", "day")))),
                "widget", Map.of("template", "metric", "data", Map.of("title", "Balance")))));
        check(softly, "POST", "/api/v1/blocks/preview", 422, api.post("/api/v1/blocks/preview", token, Map.of(
                "binding", Map.of("dataSourceId", sourceId, "queryConfig", Map.of("type", "stripe.balance"),
                        "projection", Map.of("fields", Map.of("value", Map.of("source", "no_such_field")))))));
        check(softly, "GET", "/api/v1/me", 200, api.get("/api/v1/me", token));
        check(softly, "GET", "/api/v1/me", 200, api.get("/api/v1/me", readToken));
        check(softly, "GET", "/api/v1/me", 200, api.get("/api/v1/me", TestServer.ADMIN_TOKEN));
        check(softly, "POST", "/api/v1/query", 200, api.post("/api/v1/query", token,
                Map.of("dataSourceId", sourceId, "type", "stripe.balance", "params", Map.of())));

        check(softly, "GET", "/api/v1/audit-log", 200, api.get("/api/v1/audit-log?limit=5", token));
        check(softly, "GET", "/api/v1/audit-log/verify", 200, api.get("/api/v1/audit-log/verify", token));

        // Errors: each in the one shape, under a status the document lists for the operation.
        check(softly, "POST", "/api/v1/blocks", 400, api.send("POST", "/api/v1/blocks", token, "{\"binding\": "));
        check(softly, "GET", "/api/v1/data-sources", 401, api.get("/api/v1/data-sources", null));
        check(softly, "GET", "/api/v1/data-sources/{id}", 401, api.get("/api/v1/data-sources/" + sourceId, "trb_tok000000000000_" + "0".repeat(32)));
        check(softly, "POST", "/api/v1/workspaces", 403, api.post("/api/v1/workspaces", token, Map.of("name", "Other")));
        check(softly, "GET", "/api/v1/data-sources/{id}", 404, api.get("/api/v1/data-sources/ds_unknown", token));
        check(softly, "GET", "/api/v1/workspaces/{id}", 404, api.get("/api/v1/workspaces/ws_unknown", token));
        check(softly, "POST", "/api/v1/connectors/{type}/validate", 404,
                api.post("/api/v1/connectors/nosuch/validate", token, Map.of("credentials", Map.of())));
        check(softly, "DELETE", "/api/v1/data-sources/{id}", 403, api.delete("/api/v1/data-sources/" + sourceId, readToken));
        check(softly, "GET", "/api/v1/data-sources", 403, api.get("/api/v1/data-sources", admin));
        check(softly, "GET", "/api/v1/blocks/{id}", 404, api.get("/api/v1/blocks/blk_unknown", token));
        check(softly, "POST", "/webhooks/{type}/{dataSourceId}", 404, api.post("/webhooks/stripe/ds_unknown", null, Map.of()));
        check(softly, "POST", "/api/v1/data-sources", 415, sendText("/api/v1/data-sources", token, "type=stripe"));
        check(softly, "POST", "/api/v1/data-sources", 422, api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "colour", "red")));
        check(softly, "PATCH", "/api/v1/data-sources/{id}", 422,
                api.patch("/api/v1/data-sources/" + sourceId, token, Map.of("cadenceMinutes", 7)));
        check(softly, "GET", "/api/v1/blocks/{id}/history", 422, api.get("/api/v1/blocks/" + blockId + "/history?step=soon", token));
        check(softly, "GET", "/api/v1/audit-log", 422, api.get("/api/v1/audit-log?limit=many", token));

        // A webhook delivery, signed and not; to a source without a signing secret; and a plan's limit.
        String secret = "whsec_openapi0123456789abcdef";
        String pushed = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "label", "Pushed", "credentials",
                Map.of("apiKey", server.stripe().addKey(KeyAccess.allReads()), "webhookSecret", secret))).body().get("id").asText();
        String event = "{\"id\":\"evt_openapi1\",\"object\":\"event\",\"type\":\"balance.available\",\"created\":"
                + server.clock().instant().getEpochSecond() + ",\"data\":{\"object\":{\"object\":\"balance\"}}}";
        check(softly, "POST", "/webhooks/{type}/{dataSourceId}", 200, deliver("/webhooks/stripe/" + pushed, secret, event));
        check(softly, "POST", "/webhooks/{type}/{dataSourceId}", 400, deliver("/webhooks/stripe/" + pushed, "whsec_notTheSecret0123456789", event));
        check(softly, "POST", "/webhooks/{type}/{dataSourceId}", 409, deliver("/webhooks/stripe/" + sourceId, secret, event));
        String free = api.post("/api/v1/workspaces", admin, Map.of("name", "Free", "plan", "free")).body().get("apiToken").asText();
        Map<String, Object> another = Map.of("type", "stripe", "credentials", Map.of("apiKey", server.stripe().addKey(KeyAccess.allReads())));
        check(softly, "POST", "/api/v1/data-sources", 201, api.post("/api/v1/data-sources", free, another));
        check(softly, "POST", "/api/v1/data-sources", 402, api.post("/api/v1/data-sources", free, another));
        check(softly, "DELETE", "/api/v1/workspaces/{workspaceId}/tokens/{tokenId}", 204,
                api.delete(tokens + "/" + reader.body().get("id").asText(), token));
        softly.assertAll();
        assertThat(checked).as("answers validated").hasSizeGreaterThanOrEqualTo(45);
        System.out.printf("OpenApiResponsesTest: %d real answers validated against the document%n", checked.size());
    }

    @Test
    void theDocumentsExamplesFitItsSchemas() {
        SoftAssertions softly = new SoftAssertions();
        int examples = 0;
        int withBody = 0;
        int withRequestExample = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                JsonNode requestJson = operation.getValue().at("/requestBody/content/application~1json");
                if (!requestJson.isMissingNode()) {
                    withBody++;
                    if (requestJson.has("example")) {
                        withRequestExample++;
                        examples++;
                        softly.assertThat(errors(requestJson.get("schema"), requestJson.get("example"))).as("%s: request example", name).isEmpty();
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> responses = operation.getValue().get("responses").fields(); responses.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    JsonNode json = response.getValue().at("/content/application~1json");
                    if (json.isMissingNode()) {
                        continue;
                    }
                    if (json.has("example")) {
                        examples++;
                        softly.assertThat(errors(json.get("schema"), json.get("example")))
                                .as("%s %s: example", name, response.getKey()).isEmpty();
                    } else if (!response.getKey().startsWith("2") || !path.getKey().equals("/api/v1/openapi.json")) {
                        softly.assertThat(json.has("examples")).as("%s %s has an example", name, response.getKey()).isTrue();
                    }
                    for (Iterator<JsonNode> each = json.path("examples").elements(); each.hasNext(); ) {
                        examples++;
                        softly.assertThat(errors(json.get("schema"), each.next().get("value"))).as("%s %s: examples", name, response.getKey())
                                .isEmpty();
                    }
                }
            }
        }
        softly.assertThat(withRequestExample).as("every JSON request body has an example").isEqualTo(withBody);
        softly.assertAll();
        assertThat(examples).as("examples checked").isGreaterThan(100);
        System.out.printf("OpenApiResponsesTest: %d examples validated against the document%n", examples);
    }

    @Test
    void everyReferenceResolvesAndEveryOperationIsDescribed() {
        List<String> refs = new ArrayList<>();
        document.findValues("$ref").forEach(ref -> refs.add(ref.asText()));
        assertThat(refs).isNotEmpty();
        assertThat(refs.stream().filter(ref -> document.at(ref.substring(1)).isMissingNode()).toList()).as("references that resolve to nothing")
                .isEmpty();
        SoftAssertions softly = new SoftAssertions();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String name = operation.getKey() + " " + path.getKey();
            softly.assertThat(operation.getValue().path("operationId").asText()).as("%s: operationId", name).isNotBlank();
            softly.assertThat(operation.getValue().path("summary").asText()).as("%s: summary", name).isNotBlank();
            softly.assertThat(operation.getValue().path("tags").size()).as("%s: tags", name).isPositive();
            softly.assertThat(operation.getValue().has("security")).as("%s: security", name).isTrue();
            operation.getValue().path("parameters").forEach(parameter -> softly.assertThat(parameter.path("description").asText())
                    .as("%s: parameter %s described", name, parameter.path("name").asText()).isNotBlank());
            operation.getValue().get("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    softly.assertThat(response.getValue().at("/content/application~1json/schema/$ref").asText())
                            .as("%s %s: the error body", name, response.getKey()).isEqualTo("#/components/schemas/ApiError");
                }
            });
        }));
        softly.assertAll();
    }

    @Test
    void theValidationRefusesWhatDoesNotFit() {
        Api.Reply workspace = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Refusals", "plan", "builder"));
        String token = workspace.body().get("apiToken").asText();
        JsonNode created = schema("POST", "/api/v1/workspaces", 201);
        assertThat(errors(created, workspace.body())).isEmpty();

        ObjectNode wrongType = workspace.body().deepCopy();
        wrongType.put("createdAt", 1767225600);
        assertThat(errors(created, wrongType)).as("a time as a number").isNotEmpty();
        ObjectNode badTime = workspace.body().deepCopy();
        badTime.put("createdAt", "yesterday");
        assertThat(errors(created, badTime)).as("a time that is not date-time").isNotEmpty();
        ObjectNode missing = workspace.body().deepCopy();
        missing.remove("id");
        assertThat(errors(created, missing)).as("a required field left out").isNotEmpty();

        Api.Reply source = api.post("/api/v1/data-sources", token, Map.of("type", "stripe",
                "credentials", Map.of("apiKey", server.stripe().addKey(KeyAccess.allReads()))));
        JsonNode view = schema("GET", "/api/v1/data-sources/{id}", 200);
        assertThat(errors(view, source.body())).isEmpty();
        ObjectNode badEnum = source.body().deepCopy();
        badEnum.put("status", "sleeping");
        assertThat(errors(view, badEnum)).as("a status the enum does not have").isNotEmpty();
        ObjectNode nullId = source.body().deepCopy();
        nullId.putNull("id");
        assertThat(errors(view, nullId)).as("null where null is not allowed").isNotEmpty();

        Api.Reply notFound = api.get("/api/v1/data-sources/ds_unknown", token);
        JsonNode error = schema("GET", "/api/v1/data-sources/{id}", 404);
        assertThat(errors(error, notFound.body())).isEmpty();
        ObjectNode noCode = notFound.body().deepCopy();
        ((ObjectNode) noCode.get("error")).remove("code");
        assertThat(errors(error, noCode)).as("an error without its code").isNotEmpty();
        assertThat(errors(error, source.body())).as("a data source where an error belongs").isNotEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Checks the status and that the body fits the schema the document declares for it; returns the reply. */
    private Api.Reply check(SoftAssertions softly, String method, String path, int expected, Api.Reply reply) {
        String name = method + " " + path + " " + expected;
        softly.assertThat(reply.status()).as("%s: %s", name, reply.raw()).isEqualTo(expected);
        JsonNode responses = operation(method, path).path("responses");
        softly.assertThat(responses.has(String.valueOf(reply.status())))
                .as("%s answered %d, a status the document lists (%s)", name, reply.status(), statuses(responses))
                .isTrue();
        JsonNode json = responses.path(String.valueOf(reply.status())).at("/content/application~1json");
        if (reply.body() == null) {
            softly.assertThat(json.isMissingNode()).as("%s: no body, and the document declares none", name).isTrue();
        } else {
            softly.assertThat(json.has("schema")).as("%s: the document declares a JSON body", name).isTrue();
            if (json.has("schema")) {
                softly.assertThat(errors(json.get("schema"), reply.body())).as("%s: %s", name, reply.raw()).isEmpty();
            }
        }
        checked.add(name);
        return reply;
    }

    private JsonNode operation(String method, String path) {
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        assertThat(operation.isMissingNode()).as("the document has %s %s", method, path).isFalse();
        return operation;
    }

    private JsonNode schema(String method, String path, int status) {
        JsonNode schema = operation(method, path).at("/responses/" + status + "/content/application~1json/schema");
        assertThat(schema.isMissingNode()).as("%s %s %d has a JSON schema", method, path, status).isFalse();
        return schema;
    }

    /** What is wrong with {@code value} by {@code schema}, which may refer to the document's components. */
    private List<String> errors(JsonNode schema, JsonNode value) {
        ObjectNode root = schema.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.get("components"));
        List<Error> errors = SCHEMAS.getSchema(root).validate(value);
        return errors.stream().map(Error::toString).toList();
    }

    private Api.Reply deliver(String path, String signingSecret, String body) {
        try {
            HttpResponse<String> response = SignedWebhooks.deliver(server, path, signingSecret, body);
            return new Api.Reply(response.statusCode(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Api.Reply sendText(String path, String token, String text) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.api().baseUrl() + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()), response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static TreeSet<String> statuses(JsonNode responses) {
        TreeSet<String> statuses = new TreeSet<>();
        responses.fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }
}
