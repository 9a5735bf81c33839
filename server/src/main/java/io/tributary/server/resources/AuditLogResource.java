package io.tributary.server.resources;

import static io.tributary.server.resources.WorkspaceResource.caller;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

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
@Tag(name = "Audit log", description = "The tamper-evident log of everything done in a workspace (or, for the admin token, the server)")
public final class AuditLogResource {

    private final AuditLogReader reader;

    public AuditLogResource(AuditLogReader reader) {
        this.reader = reader;
    }

    @GET
    @Operation(operationId = "listAuditEvents", summary = "A page of the caller's audit log, oldest first")
    @ApiResponse(responseCode = "200", description = "The page; pass `nextCursor` as `cursor` for the next", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = """
            - `invalid_request`: `since`, `until`, `limit` or `cursor` is invalid (`field` names it)""")
    public AuditLogPage list(@Context SecurityContext security,
                             @Parameter(description = "Only events by this actor", example = "token:tok3fK9qLmN2pXa")
                             @QueryParam("actor") String actor,
                             @Parameter(description = "Only events of this action", example = "data_source.create")
                             @QueryParam("action") String action,
                             @Parameter(description = "Only events at or after this instant (ISO-8601)", example = "2026-03-01T00:00:00Z")
                             @QueryParam("since") String since,
                             @Parameter(description = "Only events before this instant (ISO-8601)", example = "2026-03-02T00:00:00Z")
                             @QueryParam("until") String until,
                             @Parameter(description = "The `nextCursor` of the previous page") @QueryParam("cursor") String cursor,
                             @Parameter(description = "Events per page, 1 to the server's maximum", example = "100")
                             @QueryParam("limit") String limit) {
        return reader.page(caller(security), new AuditFilters(actor, action, since, until, cursor, limit));
    }

    @GET
    @Path("/verify")
    @Operation(operationId = "verifyAuditLog", summary = "Check the audit chain's hashes and its anchor outside the database")
    @ApiResponse(responseCode = "200", description = "Whether the chain is intact; a broken one is an answer too, not an error", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "- `invalid_request`: `full` is not true or false")
    public AuditVerification verify(@Context SecurityContext security,
                                    @Parameter(description = "`true` to check the whole chain again, not only what was added since the last check",
                                            example = "false") @QueryParam("full") String full) {
        if (full != null && !full.equals("true") && !full.equals("false")) {
            throw ApiException.invalid("full", "'full' must be true or false");
        }
        return reader.verify(caller(security), "true".equals(full));
    }
}
