package io.tributary.server.resources;

import static io.tributary.server.resources.WorkspaceResource.caller;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.core.QueryService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code POST /api/v1/query}: runs a query live and returns its raw result. */
@Path("/api/v1/query")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class QueryResource {

    /** The request body. */
    public record QueryBody(String dataSourceId, String type, JsonNode params) {
    }

    private final QueryService queries;

    public QueryResource(QueryService queries) {
        this.queries = queries;
    }

    @POST
    public QueryService.Answer run(@Context SecurityContext security, QueryBody body) {
        if (body == null) {
            throw io.tributary.server.errors.ApiException.invalid("dataSourceId", "Send {\"dataSourceId\", \"type\", \"params\"}");
        }
        return queries.run(caller(security), body.dataSourceId(), body.type(), body.params());
    }
}
