package io.tributary.server.resources;

import io.tributary.connector.spi.ConnectorDescriptor;
import io.tributary.connector.spi.ConnectorRegistry;
import io.tributary.connector.spi.InstalledConnector;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/connectors}: every installed connector's description, for forms and clients. */
@Path("/api/v1/connectors")
@Produces(MediaType.APPLICATION_JSON)
public final class ConnectorResource {

    private final ConnectorRegistry registry;

    public ConnectorResource(ConnectorRegistry registry) {
        this.registry = registry;
    }

    @GET
    public Map<String, List<ConnectorDescriptor>> list() {
        return Map.of("connectors", registry.installed().stream().map(InstalledConnector::descriptor).toList());
    }
}
