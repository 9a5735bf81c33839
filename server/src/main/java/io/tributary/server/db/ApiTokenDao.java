package io.tributary.server.db;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Workspace API tokens, by id, with only a hash of their secret. */
@RegisterConstructorMapper(ApiTokenDao.TokenRow.class)
public interface ApiTokenDao {

    /** A token's owner and the hash to compare against. */
    record TokenRow(String id, String workspaceId, byte[] secretHash) {
    }

    @SqlUpdate("INSERT INTO api_token (id, workspace_id, secret_hash, created_at) VALUES (:id, :workspaceId, :secretHash, :createdAt)")
    void insert(@Bind("id") String id, @Bind("workspaceId") String workspaceId, @Bind("secretHash") byte[] secretHash,
                @Bind("createdAt") Instant createdAt);

    @SqlQuery("SELECT id, workspace_id, secret_hash FROM api_token WHERE id = :id")
    Optional<TokenRow> find(@Bind("id") String id);
}
