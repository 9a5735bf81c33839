package io.tributary.server.resources;

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
public final class ConnectorResource {

    private final ConnectorRegistry registry;
    private final ConnectorValidator validator;

    public ConnectorResource(ConnectorRegistry registry, ConnectorValidator validator) {
        this.registry = registry;
        this.validator = validator;
    }

    @GET
    public ConnectorList list() {
        return new ConnectorList(registry.installed().stream().map(ConnectorView::of).toList(),
                registry.brokenPlugins().stream().map(broken -> new ConnectorList.Broken(broken.name(), broken.reason())).toList());
    }

    /** Checks credentials and, optionally, a query against the connector: every problem as data, nothing saved. */
    @POST
    @Path("/{type}/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConnectorValidation.Result validate(@PathParam("type") String type, ConnectorValidation.Request request) {
        return validator.validate(type, request);
    }
}
