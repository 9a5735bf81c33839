package io.tributary.server.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.tributary.server.auth.AdminOnly;
import io.tributary.server.auth.PublicEndpoint;
import io.tributary.server.auth.ReadScope;
import io.tributary.server.errors.ApiError;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every operation of the OpenAPI document shares, added after swagger has read the resource
 * classes, from the same annotations the server acts on ({@link PublicEndpoint}, {@link AdminOnly},
 * {@link ReadScope}, {@code @Consumes}), so the document cannot say otherwise than the server does:
 * <ul>
 *   <li>the bearer security scheme on every operation not marked {@link PublicEndpoint}, and none on those;</li>
 *   <li>the responses the HTTP layer gives any operation: 401 and 429 (the token filter), 403 (a read
 *       token on a method not marked {@link ReadScope}, a workspace token on an {@link AdminOnly} one), 400,
 *       415 and 422 for a JSON body that is not JSON, not JSON-typed or has an unknown field, 413 for any body
 *       too large, and 500; a response the method declares itself keeps its description, with the
 *       convention's appended;</li>
 *   <li>every error response's body: {@link ApiError}, with one example per error code its description
 *       lists as {@code - `code`: what happened};</li>
 *   <li>examples from {@code /openapi/examples/<operationId>.request.json} and
 *       {@code <operationId>.<status>.json} on the class path;</li>
 *   <li>in the schemas of records: every field of a record that only answers carry is marked required
 *       (it is always written, null or not), except those marked {@code @Schema(requiredMode = NOT_REQUIRED)}
 *       (a {@code NON_NULL} record's fields that may be left out);
 *       a nullable reference ({@code @Schema(nullable = true)} on a record type) becomes {@code anyOf [ref, null]};
 *       and the fields of records from outside the server (the connector SPI), which say nothing of nulls,
 *       are nullable. Two classes with one schema name fail the generation.</li>
 * </ul>
 */
final class OpenApiConventions {

    /** 403 of the endpoints that only a workspace's token may call (the services refuse the admin token). */
    static final String WORKSPACE_TOKEN_ONLY = "- `forbidden`: the admin token was used: these belong to a workspace, call with its token";
    /** 502 of the endpoints that ask the provider. */
    static final String PROVIDER_ERROR = "- `provider_error`: the provider answered with an error";
    /** 503 of the endpoints that ask the provider: a connector's retryable failure, with {@code Retry-After}. */
    static final String PROVIDER_UNAVAILABLE = """
            - `provider_unavailable`: the provider could not be reached now; try again after `Retry-After` seconds
            - `provider_timeout`: the provider did not answer in time; try again after `Retry-After` seconds
            - `rate_limited`: the provider is limiting requests; try again after `Retry-After` seconds""";

    static final String BEARER = "bearerToken";
    static final String ERROR_SCHEMA = "ApiError";

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*([A-Za-z0-9_.-]+)\\s*(?::[^}]*)?}");
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\s*-\\s*`([a-z][a-z0-9_.]*)`:\\s*(.+)$");
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAPI document;
    private final Set<Class<?>> resources;

    private OpenApiConventions(OpenAPI document, Set<Class<?>> resources) {
        this.document = document;
        this.resources = resources;
    }

    /** Applies the conventions to the document swagger read from these resource classes. */
    static OpenAPI apply(OpenAPI document, Set<Class<?>> resources) {
        new OpenApiConventions(document, resources).apply();
        return document;
    }

    private void apply() {
        document.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("The admin token (configured on the server) or a workspace token (`trb_<id>_<secret>`), "
                        + "as `Authorization: Bearer <token>`"));
        ModelConverters.getInstance(true).readAll(ApiError.class).forEach(document.getComponents()::addSchemas);
        Map<String, Class<?>> records = records();
        for (Endpoint endpoint : endpoints()) {
            Operation operation = operation(endpoint);
            security(endpoint, operation);
            pathParameters(endpoint, operation);
            commonResponses(endpoint, operation);
            errorBodies(operation);
            examples(operation);
        }
        schemas(records);
    }

    // ---- operations ---------------------------------------------------------------------------

    /** One resource method, with the path and HTTP method it is served at. */
    private record Endpoint(String httpMethod, String path, Class<?> resource, Method method) {

        boolean marked(Class<? extends Annotation> annotation) {
            return method.isAnnotationPresent(annotation) || resource.isAnnotationPresent(annotation);
        }

        boolean takesJson() {
            Consumes consumes = Optional.ofNullable(method.getAnnotation(Consumes.class)).orElse(resource.getAnnotation(Consumes.class));
            return consumes != null && Arrays.stream(consumes.value()).anyMatch(type -> type.contains("json"));
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> found = new ArrayList<>();
        for (Class<?> resource : resources) {
            String prefix = join("", resource.getAnnotation(Path.class).value());
            for (Method method : resource.getMethods()) {
                if (Modifier.isStatic(method.getModifiers()) || method.isSynthetic()) {
                    continue;
                }
                String path = method.isAnnotationPresent(Path.class) ? join(prefix, method.getAnnotation(Path.class).value()) : prefix;
                Arrays.stream(method.getAnnotations()).map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                        .filter(java.util.Objects::nonNull).findFirst()
                        .ifPresent(http -> found.add(new Endpoint(http.value(), path, resource, method)));
            }
        }
        return found;
    }

    private Operation operation(Endpoint endpoint) {
        String path = TEMPLATE.matcher(endpoint.path()).replaceAll("{$1}");
        PathItem item = document.getPaths() == null ? null : document.getPaths().get(path);
        Operation operation = item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(endpoint.httpMethod()));
        if (operation == null) {
            throw new IllegalStateException("Swagger did not read " + endpoint.httpMethod() + " " + path + " of " + endpoint.resource());
        }
        return operation;
    }

    /**
     * What a path parameter names, by the path segment before it: its description and an example.
     * A new kind of resource with ids adds its segment here (or describes its parameter with {@code @Parameter}).
     */
    private static final Map<String, String[]> PATH_PARAMETERS = Map.of(
            "workspaces", new String[] {"The workspace's id", "ws_7Hq2LmXc9RtVb3NpK4Ze"},
            "tokens", new String[] {"The token's id (not its value)", "tokV2nR8cXq4LmZt"},
            "data-sources", new String[] {"The data source's id", "ds_4kQ8mZt2Lx9VbN7cRw1P"},
            "datasets", new String[] {"The stream's name", "charges"},
            "blocks", new String[] {"The block's id", "blk_9TmR2wQx7LpZc4VnB8Ka"},
            "connectors", new String[] {"The connector's type id", "helpdesk"},
            "webhooks", new String[] {"The connector's type id", "helpdesk"});

    private static void pathParameters(Endpoint endpoint, Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        String[] segments = endpoint.path().split("/");
        for (int i = 1; i < segments.length; i++) {
            Matcher template = TEMPLATE.matcher(segments[i]);
            if (!template.matches()) {
                continue;
            }
            String name = template.group(1);
            // The segment before names the kind; a second template in a row (webhooks/{type}/{dataSourceId}) is a data source.
            String kind = TEMPLATE.matcher(segments[i - 1]).matches() ? "data-sources" : segments[i - 1];
            String[] described = PATH_PARAMETERS.get(kind);
            operation.getParameters().stream().filter(parameter -> "path".equals(parameter.getIn()) && name.equals(parameter.getName())
                    && parameter.getDescription() == null && described != null).forEach(parameter -> {
                        parameter.setDescription(described[0]);
                        parameter.setExample(described[1]);
                    });
        }
    }

    private static void security(Endpoint endpoint, Operation operation) {
        operation.setSecurity(endpoint.marked(PublicEndpoint.class) ? List.of() : List.of(new SecurityRequirement().addList(BEARER)));
    }

    private static void commonResponses(Endpoint endpoint, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        responses.remove("default");
        boolean body = operation.getRequestBody() != null;
        if (body && endpoint.takesJson()) {
            add(responses, "400", "- `invalid_json`: the body is not valid JSON");
            add(responses, "415", "- `unsupported_media_type`: the body is not sent as `Content-Type: application/json`");
            add(responses, "422", "- `unknown_field`: the body has a field this request does not (`field` names it)\n"
                    + "- `invalid_request`: a field has the wrong JSON type (`field` names it)");
        }
        if (body) {
            add(responses, "413", "- `request_too_large`: the body is larger than the server takes");
        }
        if (!endpoint.marked(PublicEndpoint.class)) {
            add(responses, "401", "- `unauthorized`: no token, or not one this server issued\n"
                    + "- `token_expired`: the workspace token's expiry has passed");
            if (endpoint.marked(AdminOnly.class)) {
                add(responses, "403", "- `forbidden`: only the admin token may do this");
            } else if (!endpoint.method().isAnnotationPresent(ReadScope.class)) {
                add(responses, "403", "- `insufficient_scope`: a read token may only read blocks, their events and history");
            }
            add(responses, "429", "- `rate_limited`: too many requests with this token; try again after `Retry-After` seconds");
        }
        add(responses, "500", "- `internal_error`: a defect; the message holds a reference to the server's log");
        for (String status : List.of("429", "503")) {
            ApiResponse response = responses.get(status);
            if (response != null && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
                response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
                        .schema(new Schema<>().types(Set.of("integer"))));
            }
        }
        // In status order, as a reader looks for them.
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        responses.clear();
        responses.putAll(sorted);
    }

    /** Adds a common response, or appends its description to the one the method declares. */
    private static ApiResponse add(ApiResponses responses, String status, String description) {
        ApiResponse declared = responses.get(status);
        if (declared == null) {
            ApiResponse response = new ApiResponse().description(description);
            responses.addApiResponse(status, response);
            return response;
        }
        String own = declared.getDescription() == null ? "" : declared.getDescription().strip();
        if (!own.contains(description.strip())) {
            declared.setDescription(own.isEmpty() ? description : own + "\n" + description);
        }
        return declared;
    }

    /** Every error response: the {@link ApiError} body, with an example per error code its description lists. */
    private static void errorBodies(Operation operation) {
        operation.getResponses().forEach((status, response) -> {
            if (Integer.parseInt(status) < 400) {
                return;
            }
            Map<String, Example> examples = new LinkedHashMap<>();
            Matcher line = ERROR_LINE.matcher(response.getDescription() == null ? "" : response.getDescription());
            while (line.find()) {
                String message = line.group(2).strip();
                message = Character.toUpperCase(message.charAt(0)) + message.substring(1);
                examples.putIfAbsent(line.group(1), new Example().value(JSON.valueToTree(ApiError.of(line.group(1), message, null))));
            }
            if (examples.isEmpty()) {
                throw new IllegalStateException(operation.getOperationId() + ": the " + status
                        + " response lists no error code; describe it as '- `code`: what happened'");
            }
            MediaType json = new MediaType().schema(new Schema<>().$ref(SCHEMA_REF + ERROR_SCHEMA)).examples(examples);
            response.setContent(new Content().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, json));
        });
    }

    private static void examples(Operation operation) {
        String id = operation.getOperationId();
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            example("/openapi/examples/" + id + ".request.json")
                    .ifPresent(example -> operation.getRequestBody().getContent().values().forEach(media -> media.setExample(example)));
        }
        operation.getResponses().forEach((status, response) -> {
            if (Integer.parseInt(status) < 400 && response.getContent() != null) {
                example("/openapi/examples/" + id + "." + status + ".json")
                        .ifPresent(example -> response.getContent().values().forEach(media -> media.setExample(example)));
            }
        });
    }

    private static Optional<JsonNode> example(String resource) {
        try (InputStream in = OpenApiConventions.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("The example " + resource + " is not JSON", e);
        }
    }

    // ---- schemas ------------------------------------------------------------------------------

    /** Every record the resources take or give, by its schema's name; two classes of one name fail. */
    private Map<String, Class<?>> records() {
        Map<String, Class<?>> byName = new HashMap<>();
        Deque<Type> pending = new ArrayDeque<>();
        Set<Type> seen = new HashSet<>();
        for (Endpoint endpoint : endpoints()) {
            pending.add(endpoint.method().getGenericReturnType());
            Arrays.stream(endpoint.method().getParameters()).filter(parameter -> parameter.getAnnotations().length == 0)
                    .forEach(parameter -> pending.add(parameter.getParameterizedType()));
            Arrays.stream(endpoint.method().getAnnotationsByType(io.swagger.v3.oas.annotations.responses.ApiResponse.class))
                    .flatMap(response -> Arrays.stream(response.content()))
                    .map(content -> content.schema().implementation()).filter(type -> type != Void.class).forEach(pending::add);
        }
        pending.add(ApiError.class);
        while (!pending.isEmpty()) {
            Type type = pending.poll();
            if (!seen.add(type)) {
                continue;
            }
            if (type instanceof ParameterizedType parameterized) {
                pending.addAll(Arrays.asList(parameterized.getActualTypeArguments()));
            } else if (type instanceof GenericArrayType array) {
                pending.add(array.getGenericComponentType());
            } else if (type instanceof WildcardType wildcard) {
                pending.addAll(Arrays.asList(wildcard.getUpperBounds()));
            } else if (type instanceof Class<?> type1 && type1.isRecord()) {
                Class<?> previous = byName.put(schemaName(type1), type1);
                if (previous != null && previous != type1) {
                    throw new IllegalStateException("Two types share the schema name " + schemaName(type1) + ": " + previous.getName()
                            + " and " + type1.getName() + "; give one @Schema(name = ...)");
                }
                Arrays.stream(type1.getRecordComponents()).forEach(component -> pending.add(component.getGenericType()));
            }
        }
        return byName;
    }

    private static String schemaName(Class<?> type) {
        io.swagger.v3.oas.annotations.media.Schema schema = type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
    }

    private void schemas(Map<String, Class<?>> records) {
        Map<String, Schema> components = document.getComponents().getSchemas();
        Set<String> requested = new HashSet<>();
        Set<String> answered = new HashSet<>();
        document.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().forEach(media -> reach(media.getSchema(), components, requested));
            }
            operation.getResponses().values().stream().filter(response -> response.getContent() != null)
                    .forEach(response -> response.getContent().values().forEach(media -> reach(media.getSchema(), components, answered)));
        }));
        components.forEach((name, schema) -> {
            Class<?> record = records.get(name);
            if (record == null || schema.getProperties() == null) {
                return;
            }
            boolean foreign = !record.getName().startsWith("io.tributary.server.");
            List<String> required = new ArrayList<>(schema.getRequired() == null ? List.of() : schema.getRequired());
            for (RecordComponent component : record.getRecordComponents()) {
                Schema<?> property = (Schema<?>) schema.getProperties().get(component.getName());
                if (property == null) {
                    continue;
                }
                if (foreign && !component.getType().isPrimitive()) {
                    property.addType("null");
                }
                if (answered.contains(name) && !requested.contains(name) && !sometimesOmitted(component)
                        && !required.contains(component.getName())) {
                    required.add(component.getName());
                }
            }
            schema.setRequired(required.isEmpty() ? null : required);
            nullableReferences(schema);
        });
        inlineJsonNodes(components);
    }

    /** Jackson's tree types are any JSON ({@code JsonNode}) or any object ({@code ObjectNode}): inline, not as schemas of their own. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void inlineJsonNodes(Map<String, Schema> components) {
        Map<String, java.util.function.Supplier<Schema>> inline = Map.of(
                SCHEMA_REF + "JsonNode", () -> new Schema<>().description("Any JSON value"),
                SCHEMA_REF + "ObjectNode", () -> new Schema<>().types(Set.of("object")));
        for (Schema component : components.values()) {
            if (component.getProperties() != null) {
                ((Map<String, Schema>) component.getProperties()).replaceAll((name, property) -> {
                    if (property.get$ref() == null || !inline.containsKey(property.get$ref())) {
                        return property;
                    }
                    Schema replaced = inline.get(property.get$ref()).get();
                    if (property.getDescription() != null) {
                        replaced.setDescription(property.getDescription());
                    }
                    return replaced;
                });
            }
        }
        components.remove("JsonNode");
        components.remove("ObjectNode");
    }

    /** A property {@code {$ref, type: null}} (swagger's nullable reference) as {@code anyOf [ref, null]}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableReferences(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        properties.replaceAll((name, property) -> {
            boolean nullable = property.getTypes() != null && property.getTypes().contains("null") || "null".equals(property.getType());
            if (property.get$ref() == null || !nullable) {
                return property;
            }
            return new Schema<>().description(property.getDescription())
                    .anyOf(List.of(new Schema<>().$ref(property.get$ref()), new Schema<>().types(Set.of("null"))));
        });
    }

    /** Whether the field is written only sometimes: {@code @Schema(requiredMode = NOT_REQUIRED)} on a field of a {@code NON_NULL} record. */
    private static boolean sometimesOmitted(RecordComponent component) {
        io.swagger.v3.oas.annotations.media.Schema schema = component.getAccessor().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return schema != null && schema.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;
    }

    /** Adds the names of the component schemas {@code schema} refers to, directly or not. */
    @SuppressWarnings("rawtypes")
    private static void reach(Schema<?> schema, Map<String, Schema> components, Set<String> reached) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null && schema.get$ref().startsWith(SCHEMA_REF)) {
            String name = schema.get$ref().substring(SCHEMA_REF.length());
            if (reached.add(name) && components.get(name) != null) {
                reach(components.get(name), components, reached);
            }
        }
        List<Schema> nested = new ArrayList<>();
        if (schema.getProperties() != null) {
            nested.addAll(schema.getProperties().values());
        }
        if (schema.getItems() != null) {
            nested.add(schema.getItems());
        }
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            nested.add(additional);
        }
        for (List<Schema> composed : Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
            if (composed != null) {
                nested.addAll(composed);
            }
        }
        for (Schema child : nested) {
            reach(child, components, reached);
        }
    }

    private static String join(String prefix, String path) {
        String joined = (prefix + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
