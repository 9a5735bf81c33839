package io.tributary.server.resources;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.tributary.server.auth.PublicEndpoint;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/openapi.json}: the REST API as an OpenAPI 3.1 document, generated from the
 * resource classes the server registers (never written by hand), once, on the first request.
 *
 * <p>Swagger reads the resource classes and the records they take and give; {@link OpenApiConventions}
 * then adds what every operation shares (security, the HTTP layer's error responses, the error body,
 * examples, required and nullable fields). To document a new endpoint:
 * <ol>
 *   <li>on its resource class, {@code @Tag(name = ...)}; on the method, {@code @Operation(operationId = ..., summary = ...)};</li>
 *   <li>one {@code @ApiResponse} per status it answers itself: the success (with
 *       {@code content = @Content(schema = @Schema(implementation = ...))} when the method returns a
 *       {@code Response}) and each error its service can raise (404, 409, 422, ...; see
 *       {@code errors.ErrorMappers} for the status of each problem), described as lines
 *       {@code - `error_code`: what happened}: the document gives them the {@code ApiError} body and an
 *       example per code. 400/401/403/413/415/422/429/500 of the HTTP layer are added for it;</li>
 *   <li>{@code @Parameter(description = ..., example = ...)} on each query parameter; a path parameter is described
 *       from the segment before it ({@code OpenApiConventions.PATH_PARAMETERS}: add a new kind of id there);</li>
 *   <li>return a record, never a {@code Map}; mark its fields that may be null {@code @Schema(nullable = true)}
 *       (every field of an answer is required, as Jackson always writes it, except those marked
 *       {@code @Schema(requiredMode = NOT_REQUIRED)} in a {@code NON_NULL} record), a request's required fields
 *       {@code @Schema(requiredMode = REQUIRED)}, and give a nested record a unique {@code @Schema(name = ...)};</li>
 *   <li>examples: {@code src/main/resources/openapi/examples/<operationId>.request.json} and
 *       {@code <operationId>.<status>.json}; {@code OpenApiResponsesTest} checks they fit their schemas;</li>
 *   <li>a call of it in {@code OpenApiResponsesTest}, whose real answer is validated against the document.</li>
 * </ol>
 */
@Path("/api/v1/openapi.json")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Document", description = "This document")
public final class OpenApiResource {

    private final Supplier<Set<Class<?>>> resources;
    private final String version;
    private volatile String document;

    /**
     * @param resources the server's resource classes, asked for when the document is first made
     *     (after every resource is registered)
     * @param version the server's version, for the document's info
     */
    public OpenApiResource(Supplier<Set<Class<?>>> resources, String version) {
        this.resources = resources;
        this.version = version;
    }

    @GET
    @PublicEndpoint
    @Operation(operationId = "getOpenApiDocument", summary = "This OpenAPI 3.1 document")
    @ApiResponse(responseCode = "200", description = "The document",
            content = @Content(schema = @Schema(types = "object", description = "An OpenAPI 3.1 document")))
    public String document() {
        String made = document;
        if (made == null) {
            made = generate();
            document = made;
        }
        return made;
    }

    private synchronized String generate() {
        OpenAPI base = new OpenAPI().info(new Info().title("Tributary API").version(version)
                .description("Data sources, blocks, datasets, tokens and the audit log of a Tributary server. Every error answers "
                        + "`{\"error\": {\"code\", \"message\", \"field\"}}` (the `ApiError` schema) with a stable `code`; money is "
                        + "in minor units (cents) as the provider gives it; times are ISO-8601 instants in UTC."));
        Reader reader = new Reader(new SwaggerConfiguration().openAPI(base).openAPI31(true));
        Set<Class<?>> classes = new LinkedHashSet<>(resources.get());
        return Json31.pretty(OpenApiConventions.apply(reader.read(classes), classes));
    }
}
