package io.tributary.server.core;

import io.tributary.audit.AnchorFile;
import io.tributary.audit.AuditEvent;
import io.tributary.audit.AuditPage;
import io.tributary.audit.AuditQuery;
import io.tributary.audit.VerificationResult;
import io.tributary.server.api.AuditLogPage;
import io.tributary.server.api.AuditVerification;
import io.tributary.server.problems.InvalidInput;
import java.util.Locale;

/**
 * Reads and verifies an audit chain: a workspace token's own workspace's, or, for the admin, the
 * server's own ({@link AuditTrail#SERVER_WORKSPACE}: start-ups, key rotations). The chain always
 * comes from the caller's token, never from the request, so no caller can name another
 * workspace's log. Verification also compares the chain with its newest anchor outside the
 * database, which shows a rollback or a removed chain.
 */
public final class AuditLogReader {

    private final AuditTrail audit;
    private final AnchorFile anchors;

    public AuditLogReader(AuditTrail audit, AnchorFile anchors) {
        this.audit = audit;
        this.anchors = anchors;
    }

    /** One page of the caller's events matching the filters. */
    public AuditLogPage page(Caller caller, AuditFilters filters) {
        AuditQuery query = filters.toQuery(chainOf(caller));
        AuditPage page;
        try {
            page = audit.log().query(query);
        } catch (IllegalArgumentException e) {
            // The query itself was checked by AuditFilters: only the opaque cursor is left to refuse.
            if (query.cursor() == null) {
                throw e;
            }
            throw new InvalidInput("cursor", "'cursor' must be the nextCursor of a previous page");
        }
        return new AuditLogPage(page.events().stream().map(AuditLogReader::view).toList(), page.nextCursor().orElse(null));
    }

    /**
     * Verifies the caller's chain against its newest anchor: the rows after the prefix verified
     * before, or, with {@code full}, every row.
     */
    public AuditVerification verify(Caller caller, boolean full) {
        String chain = chainOf(caller);
        VerificationResult result = full ? audit.log().verifyFully(chain, anchors.newest(chain))
                : audit.log().verify(chain, anchors.newest(chain));
        return result.failure()
                .map(failure -> new AuditVerification(false, result.rowsChecked(), result.rowsRead(), failure.seq(),
                        failure.problem().name().toLowerCase(Locale.ROOT), failure.message()))
                .orElseGet(() -> new AuditVerification(true, result.rowsChecked(), result.rowsRead(), null, null, null));
    }

    private static AuditLogPage.Event view(AuditEvent event) {
        return new AuditLogPage.Event(event.seq(), event.time(), event.actor(), event.action(), event.target(), event.detail());
    }

    private static String chainOf(Caller caller) {
        return caller.isAdmin() ? AuditTrail.SERVER_WORKSPACE : caller.workspaceId();
    }
}
