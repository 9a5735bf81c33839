package io.tributary.server.core;

import io.tributary.audit.AuditEvent;
import io.tributary.audit.AuditPage;
import io.tributary.audit.AuditQuery;
import io.tributary.audit.VerificationResult;
import io.tributary.server.api.AuditLogPage;
import io.tributary.server.api.AuditVerification;
import io.tributary.server.auth.Caller;
import io.tributary.server.errors.ApiException;
import java.util.Locale;

/**
 * Reads and verifies a workspace's audit log for that workspace's own tokens. The workspace always
 * comes from the caller's token, never from the request, so no caller can name another
 * workspace's log. The admin is refused: audit logs belong to workspaces (and the server's own
 * chain, {@link AuditTrail#SERVER_WORKSPACE}, is not served over the API).
 */
public final class AuditLogReader {

    private final AuditTrail audit;

    public AuditLogReader(AuditTrail audit) {
        this.audit = audit;
    }

    /** One page of the caller's events matching the filters. */
    public AuditLogPage page(Caller caller, AuditFilters filters) {
        AuditQuery query = filters.toQuery(requireWorkspace(caller));
        AuditPage page;
        try {
            page = audit.log().query(query);
        } catch (IllegalArgumentException e) {
            // The query itself was checked by AuditFilters: only the opaque cursor is left to refuse.
            if (query.cursor() == null) {
                throw e;
            }
            throw ApiException.invalid("cursor", "'cursor' must be the nextCursor of a previous page");
        }
        return new AuditLogPage(page.events().stream().map(AuditLogReader::view).toList(), page.nextCursor().orElse(null));
    }

    /** Verifies the caller's whole chain. */
    public AuditVerification verify(Caller caller) {
        VerificationResult result = audit.log().verify(requireWorkspace(caller));
        return result.failure()
                .map(failure -> new AuditVerification(false, result.rowsChecked(), failure.seq(),
                        failure.problem().name().toLowerCase(Locale.ROOT), failure.message()))
                .orElseGet(() -> new AuditVerification(true, result.rowsChecked(), null, null, null));
    }

    private static AuditLogPage.Event view(AuditEvent event) {
        return new AuditLogPage.Event(event.seq(), event.time(), event.actor(), event.action(), event.target(), event.detail());
    }

    private static String requireWorkspace(Caller caller) {
        if (caller.isAdmin()) {
            throw new ApiException(403, "forbidden", "Audit logs belong to a workspace: call with the workspace's API token", null);
        }
        return caller.workspaceId();
    }
}
