package io.tributary.server.core;

import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.server.api.TokenView;
import io.tributary.server.api.WorkspaceRequests;
import io.tributary.server.api.WorkspaceView;
import io.tributary.server.db.TokenScope;
import io.tributary.server.db.WorkspaceDao;
import io.tributary.server.db.WorkspaceRow;
import io.tributary.server.problems.Forbidden;
import io.tributary.server.problems.InvalidInput;
import io.tributary.server.problems.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Creates and changes workspaces; each gets its own data key and a first API token (scope admin). */
public final class WorkspaceService {

    private final Jdbi jdbi;
    private final EnvelopeEncryption encryption;
    private final AuditTrail audit;
    private final Plans plans;
    private final Clock clock;
    private final TokenService tokens;

    public WorkspaceService(Jdbi jdbi, EnvelopeEncryption encryption, AuditTrail audit, Plans plans, Clock clock, TokenService tokens) {
        this.tokens = tokens;
        this.jdbi = jdbi;
        this.encryption = encryption;
        this.audit = audit;
        this.plans = plans;
        this.clock = clock;
    }

    public WorkspaceView create(Caller caller, WorkspaceRequests.Create request) {
        if (request == null) {
            throw new InvalidInput(null, "Send {\"name\": ..., \"plan\": ...}");
        }
        String name = Names.require("name", request.name());
        String plan = plans.require(request.plan());
        String id = Ids.next("ws");
        String dataKey = encryption.newDataKey(id).toText();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        TokenView token = jdbi.inTransaction(handle -> {
            handle.attach(WorkspaceDao.class).insert(id, name, plan, dataKey, now);
            audit.record(handle, id, caller.actor(), "workspace.create", "workspace:" + id, Map.of("plan", plan));
            return tokens.issue(handle, caller, id, "default", TokenScope.ADMIN, null, now);
        });
        return new WorkspaceView(id, name, plan, now, token.token());
    }

    public WorkspaceView get(Caller caller, String id) {
        return view(find(caller, id));
    }

    /** {@code GET /api/v1/me}: the caller, its workspace and the plan's usage per connector type. */
    public io.tributary.server.api.SessionView session(Caller caller, java.util.Collection<String> connectorTypes) {
        if (caller.isAdmin()) {
            return new io.tributary.server.api.SessionView(caller.actor(), caller.scope(), null, null);
        }
        WorkspaceRow workspace = find(caller, caller.workspaceId());
        Map<String, Integer> counts = jdbi.withExtension(io.tributary.server.db.DataSourceDao.class,
                sources -> sources.countByType(workspace.id()));
        java.util.Set<String> types = new java.util.TreeSet<>(connectorTypes);
        types.addAll(counts.keySet());
        return new io.tributary.server.api.SessionView(caller.actor(), caller.scope(), view(workspace),
                plans.usage(workspace.plan(), types, counts));
    }

    public WorkspaceView patch(Caller caller, String id, WorkspaceRequests.Patch request) {
        WorkspaceRow current = find(caller, id);
        if (request == null) {
            return view(current);
        }
        String name = request.name() == null ? current.name() : Names.require("name", request.name());
        String plan = current.plan();
        if (request.plan() != null && !request.plan().equals(current.plan())) {
            if (!caller.isAdmin()) {
                throw new Forbidden("plan", "Only the admin may change a workspace's plan");
            }
            plan = plans.require(request.plan());
        }
        String newPlan = plan;
        jdbi.useTransaction(handle -> {
            handle.attach(WorkspaceDao.class).update(id, name, newPlan);
            audit.record(handle, id, caller.actor(), "workspace.update", "workspace:" + id, Map.of("plan", newPlan));
        });
        return new WorkspaceView(id, name, newPlan, current.createdAt(), null);
    }

    /** The workspace, if the caller may see it; another workspace's id answers 404 like an unknown one. */
    WorkspaceRow find(Caller caller, String id) {
        if (!caller.isAdmin() && !caller.workspaceId().equals(id)) {
            throw new NotFound("Workspace " + id);
        }
        return jdbi.withExtension(WorkspaceDao.class, workspaces -> workspaces.find(id))
                .orElseThrow(() -> new NotFound("Workspace " + id));
    }

    private static WorkspaceView view(WorkspaceRow row) {
        return new WorkspaceView(row.id(), row.name(), row.plan(), row.createdAt(), null);
    }
}
