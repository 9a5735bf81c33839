package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connector.stripe.fake.FakeStripeAccount;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The OpenAPI document names exactly the endpoints the server serves: a resource method missing
 * from it fails, and so does a path in it that nothing serves. Served without a token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiCoverageTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private TestServer server;

    @BeforeAll
    void start() {
        server = new TestServer(FakeStripeAccount.create(), Map.of());
        server.start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theDocumentNamesEveryServedEndpointAndNothingElse() {
        Api.Reply reply = server.api().get("/api/v1/openapi.json", null);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        JsonNode document = reply.body();
        assertThat(document.get("openapi").asText()).startsWith("3.1");
        assertThat(document.at("/info/title").asText()).isEqualTo("Tributary API");

        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (HTTP_METHODS.contains(method)) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        Set<String> served = EndpointSecurityTest.discover(server.app().getEnvironment().jersey().getResourceConfig()).stream()
                .map(EndpointSecurityTest.Endpoint::name).collect(Collectors.toCollection(TreeSet::new));

        assertThat(served).as("the reflection found the API").contains("GET /api/v1/blocks/{id}/history", "POST /api/v1/data-sources");
        assertThat(documented).as("every served endpoint is documented, and every documented one is served")
                .containsExactlyInAnyOrderElementsOf(served);
    }
}
