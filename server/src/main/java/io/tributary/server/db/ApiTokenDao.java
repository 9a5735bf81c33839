package io.tributary.server.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Workspace API tokens, by id, with only a hash of their secret. */
@RegisterConstructorMapper(ApiTokenDao.TokenRow.class)
public interface ApiTokenDao {

    String COLUMNS = "id, workspace_id, secret_hash, name, scope, created_at, expires_at, last_used_at";

    /** A token: its owner, the hash to compare against, and what it may do until when. */
    record TokenRow(String id, String workspaceId, byte[] secretHash, String name, TokenScope scope, Instant createdAt,
                    Instant expiresAt, Instant lastUsedAt) {

        public boolean expiredAt(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }

    @SqlUpdate("INSERT INTO api_token (" + COLUMNS + ") VALUES (:id, :workspaceId, :secretHash, :name, :scope, :createdAt, "
            + ":expiresAt, :lastUsedAt)")
    void insert(@BindMethods TokenRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_token WHERE id = :id")
    Optional<TokenRow> find(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_token WHERE workspace_id = :workspaceId ORDER BY created_at, id")
    List<TokenRow> list(@Bind("workspaceId") String workspaceId);

    @SqlUpdate("DELETE FROM api_token WHERE workspace_id = :workspaceId AND id = :id")
    int delete(@Bind("workspaceId") String workspaceId, @Bind("id") String id);

    /** Notes a use, unless one was noted in the last minute (so a busy token costs one write a minute). */
    @SqlUpdate("UPDATE api_token SET last_used_at = :at WHERE id = :id AND (last_used_at IS NULL OR last_used_at <= CAST(:at AS timestamptz) - interval '1 minute')")
    int noteUse(@Bind("id") String id, @Bind("at") Instant at);
}
