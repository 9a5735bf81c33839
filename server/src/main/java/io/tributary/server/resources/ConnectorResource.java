package io.tributary.server.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tributary.server.api.ConnectorList;
import io.tributary.server.api.ConnectorView;
import io.tributary.connector.host.ConnectorRegistry;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.server.api.ConnectorValidation;
import io.tributary.server.core.ConnectorValidator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/connectors}: every installed connector's description, for forms and clients, and a check of what a form would send. */
@Path("/api/v1/connectors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connectors", description = "The connectors this server runs: what they need and what they can answer")
public final class ConnectorResource {

    private final ConnectorRegistry registry;
    private final ConnectorValidator validator;

    public ConnectorResource(ConnectorRegistry registry, ConnectorValidator validator) {
        this.registry = registry;
        this.validator = validator;
    }

    @GET
    @Operation(operationId = "listConnectors", summary = "The installed connectors, and the plugins skipped as broken")
    @ApiResponse(responseCode = "200", description = "The connectors", useReturnTypeSchema = true)
    public ConnectorList list() {
        return new ConnectorList(registry.installed().stream().map(ConnectorView::of).toList(),
                registry.brokenPlugins().stream().map(broken -> new ConnectorList.Broken(broken.name(), broken.reason())).toList());
    }

    /** Checks credentials and, optionally, a query against the connector: every problem as data, nothing saved. */
    @POST
    @Path("/{type}/validate")
    @Operation(operationId = "validateConnectorInput", summary = "Check credentials and a query against a connector; nothing is saved")
    @ApiResponse(responseCode = "200", description = "Every problem found, as data; `valid` when there is none", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "- `not_found`: no connector of this type is installed")
    @ApiResponse(responseCode = "422", description = "- `invalid_request`: the body is missing")
    @ApiResponse(responseCode = "503", description = OpenApiConventions.PROVIDER_UNAVAILABLE)
    @Consumes(MediaType.APPLICATION_JSON)
    public ConnectorValidation.Result validate(@PathParam("type") String type, ConnectorValidation.Request request) {
        return validator.validate(type, request);
    }
}
