package io.tributary.server.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The workspaces' data keys. Whoever writes a source's ciphertexts holds its workspace's keys
 * {@link #share shared} until it commits, so a rotation's start and end (which {@link #lock lock}
 * them) never pass a write in flight; the order is always the workspace, then the source.
 */
@RegisterConstructorMapper(WorkspaceKeys.class)
public interface WorkspaceKeyDao {

    String COLUMNS = "id AS workspace_id, data_key, next_data_key";

    @SqlQuery("SELECT " + COLUMNS + " FROM workspace WHERE id = :id FOR SHARE")
    Optional<WorkspaceKeys> share(@Bind("id") String workspaceId);

    @SqlQuery("SELECT " + COLUMNS + " FROM workspace WHERE id = :id FOR UPDATE")
    Optional<WorkspaceKeys> lock(@Bind("id") String workspaceId);

    @SqlQuery("SELECT " + COLUMNS + " FROM workspace ORDER BY id")
    List<WorkspaceKeys> all();

    @SqlQuery("SELECT id FROM workspace ORDER BY id")
    List<String> ids();

    /** Starts a rotation: the key every source is to move to. */
    @SqlUpdate("UPDATE workspace SET next_data_key = :next WHERE id = :id AND next_data_key IS NULL")
    int beginRotation(@Bind("id") String workspaceId, @Bind("next") String nextDataKey);

    /** Ends a rotation: the next key becomes the key, and the old one is stored nowhere. */
    @SqlUpdate("UPDATE workspace SET data_key = next_data_key, next_data_key = NULL WHERE id = :id AND next_data_key = :next")
    int promote(@Bind("id") String workspaceId, @Bind("next") String nextDataKey);

    /** The same keys wrapped anew (master key rotation). */
    @SqlUpdate("UPDATE workspace SET data_key = :dataKey, next_data_key = :nextDataKey WHERE id = :workspaceId")
    void rewrap(@Bind("workspaceId") String workspaceId, @Bind("dataKey") String dataKey, @Bind("nextDataKey") String nextDataKey);
}
