package io.tributary.server.resources;

import static io.tributary.server.resources.WorkspaceResource.caller;

import io.tributary.server.api.AuditLogPage;
import io.tributary.server.api.AuditVerification;
import io.tributary.server.core.AuditFilters;
import io.tributary.server.core.AuditLogReader;
import io.tributary.server.errors.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/v1/audit-log}: the caller's tamper-evident audit log, and its check: a workspace
 * token's own workspace's (it cannot name another), or, for the admin token, the server's own. Parameters are taken as text and checked by {@link AuditFilters}, so a bad
 * value answers 422 naming it rather than Jersey's bare 404.
 */
@Path("/api/v1/audit-log")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditLogResource {

    private final AuditLogReader reader;

    public AuditLogResource(AuditLogReader reader) {
        this.reader = reader;
    }

    @GET
    public AuditLogPage list(@Context SecurityContext security, @QueryParam("actor") String actor, @QueryParam("action") String action,
                             @QueryParam("since") String since, @QueryParam("until") String until, @QueryParam("cursor") String cursor,
                             @QueryParam("limit") String limit) {
        return reader.page(caller(security), new AuditFilters(actor, action, since, until, cursor, limit));
    }

    @GET
    @Path("/verify")
    public AuditVerification verify(@Context SecurityContext security, @QueryParam("full") String full) {
        if (full != null && !full.equals("true") && !full.equals("false")) {
            throw ApiException.invalid("full", "'full' must be true or false");
        }
        return reader.verify(caller(security), "true".equals(full));
    }
}
