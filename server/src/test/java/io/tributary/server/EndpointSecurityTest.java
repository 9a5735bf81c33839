package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.stripe.fake.FakeStripeAccount;
import io.tributary.connector.stripe.fake.KeyAccess;
import io.tributary.server.auth.AdminOnly;
import io.tributary.server.auth.PublicEndpoint;
import io.tributary.server.auth.ReadScope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The security rules of every endpoint the running server serves, found by reflection over the
 * resources registered with Jersey, so a new endpoint is checked without anyone remembering to:
 * only the allow-listed endpoints are public, every other one refuses a missing or bad token,
 * admin-only endpoints refuse workspace tokens, and a workspace cannot reach another's resources
 * by id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointSecurityTest {

    /**
     * Every endpoint anyone may call without a token, as {@code "METHOD /path"}: webhook receivers,
     * which authenticate by signature, and the API's OpenAPI document, which holds no data. Adding a
     * public endpoint means adding it here.
     */
    private static final Set<String> PUBLIC_ENDPOINTS = Set.of(
            "POST /webhooks/{type}/{dataSourceId}", "GET /api/v1/openapi.json");

    /**
     * Every endpoint a read token may call: reading blocks, their events and their history. Adding one means
     * adding it here: a read token is for apps that only display widgets.
     */
    private static final Set<String> READ_SCOPE_ENDPOINTS = Set.of(
            "GET /api/v1/blocks", "GET /api/v1/blocks/{id}", "GET /api/v1/blocks/{id}/events", "GET /api/v1/blocks/{id}/history",
            "GET /api/v1/blocks/events", "GET /api/v1/me");

    /** Endpoints that must stay admin-only (more may be). */
    private static final Set<String> ADMIN_ONLY_AT_LEAST = Set.of("POST /api/v1/workspaces");

    /**
     * For each path template that names a workspace-owned resource (the path up to and including
     * the template), how to create one in the owner's workspace through the API and get its id.
     * A new kind of resource with {@code {id}} endpoints needs one entry here; the isolation test
     * fails, naming the path, until it has one.
     */
    private final Map<String, Function<Owner, String>> ownedResources = Map.<String, Function<Owner, String>>of(
            "/api/v1/workspaces/{id}", Owner::workspaceId,
            "/api/v1/workspaces/{workspaceId}", Owner::workspaceId,
            "/api/v1/workspaces/{workspaceId}/tokens/{tokenId}", Owner::tokenId,
            "/api/v1/data-sources/{id}", Owner::dataSourceId,
            "/api/v1/data-sources/{id}/datasets/{stream}", Owner::mirroredStream,
            "/api/v1/blocks/{id}", Owner::blockId);

    /** Path templates that do not name a workspace-owned resource: an installed connector's type. */
    private static final Set<String> NOT_WORKSPACE_OWNED = Set.of("/api/v1/connectors/{type}");

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*([A-Za-z0-9_.-]+)\\s*(?::[^}]*)?}");

    private TestServer server;
    private Api api;
    private List<Endpoint> endpoints;
    private Owner owner;
    private String strangerToken;

    /**
     * One resource method as the server serves it.
     *
     * @param resourceClass the class serving it (whose annotations count, as in TokenAuthFilter)
     */
    record Endpoint(String httpMethod, String path, Class<?> resourceClass, Method method) {

        String name() {
            return httpMethod + " " + path;
        }

        boolean isPublic() {
            return method.isAnnotationPresent(PublicEndpoint.class) || resourceClass.isAnnotationPresent(PublicEndpoint.class);
        }

        boolean adminOnly() {
            return method.isAnnotationPresent(AdminOnly.class) || resourceClass.isAnnotationPresent(AdminOnly.class);
        }

        /** {@code {}} for a method that may carry a JSON body, else nothing. */
        Object body() {
            boolean bodyMethod = Set.of("POST", "PUT", "PATCH").contains(httpMethod);
            Consumes consumes = Optional.ofNullable(method.getAnnotation(Consumes.class)).orElse(resourceClass.getAnnotation(Consumes.class));
            boolean json = consumes == null || Arrays.stream(consumes.value()).anyMatch(type -> type.contains(MediaType.APPLICATION_JSON)
                    || type.contains("*/*"));
            return bodyMethod && (json || hasEntityParameter()) ? Map.of() : null;
        }

        private boolean hasEntityParameter() {
            return Arrays.stream(method.getParameters()).anyMatch(parameter -> parameter.getAnnotations().length == 0);
        }

        /** The path with each template replaced by what {@code value} gives for it (given the path up to it). */
        String pathWith(Function<String, String> value) {
            return fill(path, value);
        }

        /** The path up to and including each template, in order. */
        List<String> templateKeys() {
            List<String> keys = new ArrayList<>();
            Matcher matcher = TEMPLATE.matcher(path);
            while (matcher.find()) {
                keys.add(path.substring(0, matcher.end()));
            }
            return keys;
        }
    }

    /** Workspace A: its token and, created on first use, one resource of each kind. */
    final class Owner {
        private final String token;
        private final String workspaceId;
        private final Map<String, String> created = new HashMap<>();

        Owner(String token, String workspaceId) {
            this.token = token;
            this.workspaceId = workspaceId;
        }

        String token() {
            return token;
        }

        String workspaceId() {
            return workspaceId;
        }

        String dataSourceId() {
            return created.computeIfAbsent("dataSource", kind -> {
                Api.Reply source = api.post("/api/v1/data-sources", token, Map.of("type", "stripe", "label", "Owned",
                        "credentials", Map.of("apiKey", server.stripe().addKey(KeyAccess.allReads()))));
                assertThat(source.status()).as(source.raw()).isEqualTo(201);
                return source.body().get("id").asText();
            });
        }

        /** A stream the owner's data source mirrors: its name is the path's key, within the data source. */
        String mirroredStream() {
            String dataSourceId = dataSourceId();
            return created.computeIfAbsent("dataset", kind -> {
                Api.Reply selected = api.put("/api/v1/data-sources/" + dataSourceId + "/datasets", token,
                        Map.of("datasets", List.of(Map.of("stream", "customers"))));
                assertThat(selected.status()).as(selected.raw()).isEqualTo(200);
                return "customers";
            });
        }

        /** A second token of the owner's workspace (not the one this test calls with). */
        String tokenId() {
            return created.computeIfAbsent("token", kind -> {
                Api.Reply issued = api.post("/api/v1/workspaces/" + workspaceId + "/tokens", token, Map.of("name", "spare", "scope", "read"));
                assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
                return issued.body().get("id").asText();
            });
        }

        String blockId() {
            String dataSourceId = dataSourceId();
            return created.computeIfAbsent("block", kind -> {
                Api.Reply block = api.post("/api/v1/blocks", token, Map.of(
                        "binding", Map.of("dataSourceId", dataSourceId,
                                "queryConfig", Map.of("type", "stripe.balance", "params", Map.of()),
                                "projection", Map.of("fields", Map.of("value", Map.of("source", "available_cents")))),
                        "widget", Map.of("template", "number", "data", Map.of("label", "Balance"))));
                assertThat(block.status()).as(block.raw()).isEqualTo(201);
                return block.body().get("id").asText();
            });
        }
    }

    @BeforeAll
    void start() {
        server = new TestServer(FakeStripeAccount.create()).start();
        api = server.api();
        endpoints = discover(server.app().getEnvironment().jersey().getResourceConfig());
        Api.Reply a = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Owner", "plan", "builder"));
        Api.Reply b = api.post("/api/v1/workspaces", TestServer.ADMIN_TOKEN, Map.of("name", "Stranger", "plan", "builder"));
        assertThat(List.of(a.status(), b.status())).containsOnly(201);
        owner = new Owner(a.body().get("apiToken").asText(), a.body().get("id").asText());
        strangerToken = b.body().get("apiToken").asText();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    // ---- discovery --------------------------------------------------------------------------

    /** Every resource method of every root resource registered, as class or instance. */
    static List<Endpoint> discover(ResourceConfig config) {
        Set<Class<?>> roots = new LinkedHashSet<>();
        Stream.concat(config.getClasses().stream(), config.getInstances().stream().map(Object::getClass))
                .filter(type -> type.isAnnotationPresent(Path.class))
                .forEach(roots::add);
        assertThat(config.getResources()).as("programmatic resources are invisible to this test").isEmpty();
        List<Endpoint> found = new ArrayList<>();
        roots.forEach(root -> collect(root, join("", root.getAnnotation(Path.class).value()), found, 0));
        found.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::httpMethod));
        return found;
    }

    private static void collect(Class<?> resource, String prefix, List<Endpoint> found, int depth) {
        assertThat(depth).as("sub-resource locators nest too deep at " + prefix).isLessThan(5);
        for (Method method : resource.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.isSynthetic()) {
                continue;
            }
            String path = method.isAnnotationPresent(Path.class) ? join(prefix, method.getAnnotation(Path.class).value()) : prefix;
            Optional<String> httpMethod = httpMethod(method);
            if (httpMethod.isPresent()) {
                found.add(new Endpoint(httpMethod.get(), path, resource, method));
            } else if (method.isAnnotationPresent(Path.class)) {
                // A sub-resource locator: its methods are served below its path.
                collect(method.getReturnType(), path, found, depth + 1);
            }
        }
    }

    private static Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations()).map(Annotation::annotationType)
                .map(type -> type.getAnnotation(HttpMethod.class)).filter(java.util.Objects::nonNull)
                .map(HttpMethod::value).findFirst();
    }

    private static String join(String prefix, String path) {
        String joined = (prefix + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** {@code template} with each {@code {...}} replaced by what {@code value} gives for the path up to and including it. */
    private static String fill(String template, Function<String, String> value) {
        Matcher matcher = TEMPLATE.matcher(template);
        StringBuilder built = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(built, Matcher.quoteReplacement(value.apply(template.substring(0, matcher.end()))));
        }
        matcher.appendTail(built);
        return built.toString();
    }

    private static String randomId(String key) {
        return "zz_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Set<String> names(Stream<Endpoint> endpoints) {
        return endpoints.map(Endpoint::name).collect(Collectors.toCollection(TreeSet::new));
    }

    // ---- tests --------------------------------------------------------------------------------

    @Test
    void discoveryFindsTheServedEndpoints() {
        // Guards the reflection itself: if it found nothing, every other test would pass vacuously.
        // (That each guarded path is really served is shown by its 401: the token filter runs only
        // once Jersey has matched a resource method.)
        assertThat(names(endpoints.stream())).contains(
                "POST /api/v1/workspaces", "GET /api/v1/workspaces/{id}", "GET /api/v1/connectors",
                "POST /api/v1/data-sources/{id}/test", "DELETE /api/v1/data-sources/{id}",
                "GET /api/v1/audit-log", "GET /api/v1/audit-log/verify");
    }

    @Test
    void onlyTheAllowListedEndpointsArePublic() {
        assertThat(names(endpoints.stream().filter(Endpoint::isPublic)))
                .as("endpoints marked @PublicEndpoint; a new one must be added to PUBLIC_ENDPOINTS deliberately")
                .containsExactlyInAnyOrderElementsOf(PUBLIC_ENDPOINTS);
    }

    @Test
    void everyOtherEndpointRefusesAMissingOrBadToken() {
        String ownerTokenId = owner.token().substring(4, owner.token().lastIndexOf('_'));
        Map<String, String> badTokens = new java.util.LinkedHashMap<>();
        badTokens.put("no token", null);
        badTokens.put("garbage", "garbage");
        badTokens.put("well-formed unknown token", "trb_tok000000000000_" + "0".repeat(32));
        badTokens.put("real token id, wrong secret", "trb_" + ownerTokenId + "_" + "A".repeat(32));
        badTokens.put("admin token plus a character", TestServer.ADMIN_TOKEN + "x");
        badTokens.put("admin token minus a character", TestServer.ADMIN_TOKEN.substring(0, TestServer.ADMIN_TOKEN.length() - 1));

        SoftAssertions softly = new SoftAssertions();
        List<Endpoint> guarded = endpoints.stream().filter(endpoint -> !endpoint.isPublic()).toList();
        assertThat(guarded).isNotEmpty();
        for (Endpoint endpoint : guarded) {
            String path = endpoint.pathWith(EndpointSecurityTest::randomId);
            badTokens.forEach((kind, token) -> {
                Api.Reply reply = api.send(endpoint.httpMethod(), path, token, endpoint.body());
                softly.assertThat(reply.status()).as("%s with %s: %s", endpoint.name(), kind, reply.raw()).isEqualTo(401);
                softly.assertThat(reply.errorCode()).as("%s with %s: error code", endpoint.name(), kind).isEqualTo("unauthorized");
                softly.assertThat(reply.body() == null ? null : reply.body().at("/error/message").asText(null))
                        .as("%s with %s: error message", endpoint.name(), kind).isNotBlank();
            });
        }
        softly.assertAll();
    }

    @Test
    void aReadTokenReachesTheReadEndpointsAlone() {
        assertThat(names(endpoints.stream().filter(endpoint -> endpoint.method().isAnnotationPresent(ReadScope.class))))
                .as("endpoints marked @ReadScope; a new one must be added to READ_SCOPE_ENDPOINTS deliberately")
                .containsExactlyInAnyOrderElementsOf(READ_SCOPE_ENDPOINTS);
        Api.Reply issued = api.post("/api/v1/workspaces/" + owner.workspaceId() + "/tokens", owner.token(),
                Map.of("name", "reader", "scope", "read"));
        String reader = issued.body().get("token").asText();

        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : endpoints.stream().filter(endpoint -> !endpoint.isPublic()
                && !READ_SCOPE_ENDPOINTS.contains(endpoint.name())).toList()) {
            String path = endpoint.pathWith(key -> ownedResources.containsKey(key) ? ownedResources.get(key).apply(owner) : randomId(key));
            Api.Reply reply = api.send(endpoint.httpMethod(), path, reader, endpoint.body());
            softly.assertThat(reply.status()).as("%s with a read token: %s", endpoint.name(), reply.raw()).isEqualTo(403);
        }
        softly.assertAll();
        assertThat(api.get("/api/v1/blocks/" + owner.blockId(), reader).status()).isEqualTo(200);
    }

    @Test
    void adminOnlyEndpointsRefuseAWorkspaceToken() {
        List<Endpoint> adminOnly = endpoints.stream().filter(Endpoint::adminOnly).toList();
        assertThat(names(adminOnly.stream())).containsAll(ADMIN_ONLY_AT_LEAST);

        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : adminOnly) {
            String path = endpoint.pathWith(key -> ownedResources.containsKey(key) ? ownedResources.get(key).apply(owner) : randomId(key));
            Api.Reply reply = api.send(endpoint.httpMethod(), path, owner.token(), endpoint.body());
            softly.assertThat(reply.status()).as("%s with a workspace token: %s", endpoint.name(), reply.raw()).isEqualTo(403);
            softly.assertThat(reply.errorCode()).as("%s: error code", endpoint.name()).isEqualTo("forbidden");
        }
        softly.assertAll();
    }

    @Test
    void aWorkspaceCannotReachAnotherWorkspacesResourcesById() {
        List<Endpoint> byId = endpoints.stream()
                .filter(endpoint -> !endpoint.isPublic() && !endpoint.adminOnly() && !endpoint.templateKeys().isEmpty())
                // Deletions last, so a broken one cannot hide behind later 404s.
                .sorted(Comparator.comparing((Endpoint endpoint) -> endpoint.httpMethod().equals("DELETE")).thenComparing(Endpoint::name))
                .toList();
        Set<String> unclassified = byId.stream().flatMap(endpoint -> endpoint.templateKeys().stream())
                .filter(key -> !ownedResources.containsKey(key) && !NOT_WORKSPACE_OWNED.contains(key))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unclassified).as("path templates with no entry in ownedResources (how to create one) or NOT_WORKSPACE_OWNED")
                .isEmpty();
        Map<String, String> ids = new HashMap<>();
        byId.stream().flatMap(endpoint -> endpoint.templateKeys().stream()).filter(ownedResources::containsKey).distinct()
                .forEach(key -> ids.put(key, ownedResources.get(key).apply(owner)));

        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : byId) {
            String path = endpoint.pathWith(key -> ids.getOrDefault(key, randomId(key)));
            Api.Reply reply = api.send(endpoint.httpMethod(), path, strangerToken, endpoint.body());
            softly.assertThat(reply.status()).as("%s on another workspace's resource: %s", endpoint.name(), reply.raw()).isEqualTo(404);
            softly.assertThat(reply.errorCode()).as("%s: error code", endpoint.name()).isEqualTo("not_found");
            Api.Reply unknown = api.send(endpoint.httpMethod(), endpoint.pathWith(EndpointSecurityTest::randomId), strangerToken, endpoint.body());
            softly.assertThat(List.of(unknown.status(), String.valueOf(unknown.errorCode())))
                    .as("%s: another workspace's id answers exactly like an unknown one", endpoint.name())
                    .containsExactly(reply.status(), String.valueOf(reply.errorCode()));
        }
        softly.assertAll();

        assertThat(names(byId.stream())).as("the data source endpoints are among those checked")
                .contains("GET /api/v1/data-sources/{id}", "PATCH /api/v1/data-sources/{id}", "DELETE /api/v1/data-sources/{id}",
                        "POST /api/v1/data-sources/{id}/test", "GET /api/v1/workspaces/{id}", "PATCH /api/v1/workspaces/{id}");
        // The ids were real and the stranger's calls changed nothing: the owner still reads each one.
        Set<String> readable = names(endpoints.stream().filter(endpoint -> endpoint.httpMethod().equals("GET")));
        for (Map.Entry<String, String> created : ids.entrySet()) {
            if (!readable.contains("GET " + created.getKey())) {
                continue;
            }
            Api.Reply own = api.get(fill(created.getKey(), ids::get), owner.token());
            assertThat(own.status()).as("the owner reads %s %s: %s", created.getKey(), created.getValue(), own.raw()).isEqualTo(200);
            assertThat(own.body().get("id").asText()).isEqualTo(created.getValue());
        }
    }

    @Test
    void aWorkspaceCannotUseAnotherWorkspacesDataSourceInARequestBody() {
        String foreignSource = owner.dataSourceId();

        Api.Reply block = api.post("/api/v1/blocks", strangerToken, Map.of(
                "binding", Map.of("dataSourceId", foreignSource,
                        "queryConfig", Map.of("type", "stripe.balance", "params", Map.of()),
                        "projection", Map.of("fields", Map.of("value", Map.of("source", "available_cents")))),
                "widget", Map.of("template", "number")));
        assertThat(block.status()).as(block.raw()).isEqualTo(404);
        Api.Reply query = api.post("/api/v1/query", strangerToken, Map.of("dataSourceId", foreignSource, "type", "stripe.balance",
                "params", Map.of()));
        assertThat(query.status()).as(query.raw()).isEqualTo(404);
        assertThat(api.get("/api/v1/blocks", strangerToken).body().get("blocks")).isEmpty();
    }
}
