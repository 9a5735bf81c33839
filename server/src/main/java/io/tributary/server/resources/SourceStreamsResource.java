package io.tributary.server.resources;

import static io.tributary.server.resources.WorkspaceResource.caller;

import io.tributary.server.api.ConnectorView;
import io.tributary.server.core.DatasetService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/data-sources/{id}/streams}: the streams this source can mirror into datasets,
 * its own when its connector finds them per source (a database's tables), with the cursor and key
 * choices a selection may make.
 */
@Path("/api/v1/data-sources/{id}/streams")
@Produces(MediaType.APPLICATION_JSON)
public final class SourceStreamsResource {

    private final DatasetService datasets;

    public SourceStreamsResource(DatasetService datasets) {
        this.datasets = datasets;
    }

    @GET
    public Map<String, List<ConnectorView.StreamView>> list(@Context SecurityContext security, @PathParam("id") String id) {
        return Map.of("streams", datasets.streams(caller(security), id));
    }
}
