package io.tributary.server.db;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Workspaces; their data keys are {@link WorkspaceKeyDao}'s. */
@RegisterConstructorMapper(WorkspaceRow.class)
public interface WorkspaceDao {

    @SqlUpdate("INSERT INTO workspace (id, name, plan, data_key, created_at) VALUES (:id, :name, :plan, :dataKey, :createdAt)")
    void insert(@Bind("id") String id, @Bind("name") String name, @Bind("plan") String plan, @Bind("dataKey") String dataKey,
                @Bind("createdAt") Instant createdAt);

    @SqlQuery("SELECT id, name, plan, created_at FROM workspace WHERE id = :id")
    Optional<WorkspaceRow> find(@Bind("id") String id);

    /** Locks the workspace's row until the transaction ends: serialises plan-limited creations. */
    @SqlQuery("SELECT id, name, plan, created_at FROM workspace WHERE id = :id FOR UPDATE")
    Optional<WorkspaceRow> lock(@Bind("id") String id);

    @SqlUpdate("UPDATE workspace SET name = :name, plan = :plan WHERE id = :id")
    void update(@Bind("id") String id, @Bind("name") String name, @Bind("plan") String plan);
}
