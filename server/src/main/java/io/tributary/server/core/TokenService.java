package io.tributary.server.core;

import io.tributary.server.api.TokenRequests;
import io.tributary.server.api.TokenView;
import io.tributary.server.db.ApiTokenDao.TokenRow;
import io.tributary.server.db.ApiTokenDao;
import io.tributary.server.db.TokenScope;
import io.tributary.server.db.WorkspaceDao;
import io.tributary.server.problems.InvalidInput;
import io.tributary.server.problems.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A workspace's tokens: listed, issued (the value shown once), revoked (the next request with it is
 * refused, on every node: each request reads its token's row). Issuing and revoking are audited.
 * The admin may issue a workspace a token at any time: the way back in when every token is lost.
 */
public final class TokenService {

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final Clock clock;

    public TokenService(Jdbi jdbi, AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    public List<TokenView> list(Caller caller, String workspaceId) {
        requireWorkspace(caller, workspaceId);
        Instant now = clock.instant();
        return jdbi.withExtension(ApiTokenDao.class, tokens -> tokens.list(workspaceId)).stream().map(row -> view(row, now, null)).toList();
    }

    public TokenView create(Caller caller, String workspaceId, TokenRequests.Create request) {
        requireWorkspace(caller, workspaceId);
        if (request == null) {
            throw new InvalidInput(null, "Send {\"name\": ..., \"scope\": \"admin\" or \"read\", \"expiresAt\": ... (optional)}");
        }
        String name = Names.require("name", request.name());
        if (request.scope() == null) {
            throw new InvalidInput("scope", "'scope' is required: admin (everything in the workspace) or read (blocks only)");
        }
        Instant now = now();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw new InvalidInput("expiresAt", "'expiresAt' must be in the future");
        }
        return jdbi.inTransaction(handle -> issue(handle, caller, workspaceId, name, request.scope(), request.expiresAt(), now));
    }

    public void revoke(Caller caller, String workspaceId, String tokenId) {
        requireWorkspace(caller, workspaceId);
        jdbi.useTransaction(handle -> {
            if (handle.attach(ApiTokenDao.class).delete(workspaceId, tokenId) == 0) {
                throw new NotFound("Token " + tokenId);
            }
            audit.record(handle, workspaceId, caller.actor(), "token.revoke", "token:" + tokenId, Map.of());
        });
    }

    /** Issues a token inside the caller's transaction, audited with it; the view carries the value, once. */
    TokenView issue(Handle handle, Caller caller, String workspaceId, String name, TokenScope scope, Instant expiresAt, Instant now) {
        ApiTokens.Issued issued = ApiTokens.issue();
        TokenRow row = new TokenRow(issued.id(), workspaceId, issued.secretHash(), name, scope, now,
                expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS), null);
        handle.attach(ApiTokenDao.class).insert(row);
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("name", name);
        detail.put("scope", scope.id());
        detail.put("expires_at", expiresAt == null ? "never" : row.expiresAt().toString());
        audit.record(handle, workspaceId, caller.actor(), "token.create", "token:" + issued.id(), detail);
        return view(row, now, issued.token());
    }

    private void requireWorkspace(Caller caller, String workspaceId) {
        boolean visible = caller.isAdmin() || caller.workspaceId().equals(workspaceId);
        if (!visible || jdbi.withExtension(WorkspaceDao.class, workspaces -> workspaces.find(workspaceId)).isEmpty()) {
            throw new NotFound("Workspace " + workspaceId);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static TokenView view(TokenRow row, Instant now, String value) {
        return new TokenView(row.id(), row.name(), row.scope(), row.createdAt(), row.expiresAt(), row.lastUsedAt(),
                row.expiredAt(now), value);
    }
}
