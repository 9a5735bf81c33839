package io.tributary.server.resources;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.jaxrs2.Reader;
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
 */
@Path("/api/v1/openapi.json")
@Produces(MediaType.APPLICATION_JSON)
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
    public String document() {
        String made = document;
        if (made == null) {
            made = generate();
            document = made;
        }
        return made;
    }

    private String generate() {
        OpenAPI base = new OpenAPI().info(new Info().title("Tributary API").version(version)
                .description("Data sources, blocks, datasets, tokens and the audit log of a Tributary server."));
        Reader reader = new Reader(new SwaggerConfiguration().openAPI(base).openAPI31(true));
        Set<Class<?>> classes = new LinkedHashSet<>(resources.get());
        return Json31.pretty(reader.read(classes));
    }
}
