package io.tributary.server.db;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Keys the server keeps for itself, wrapped by the master key. */
public interface ServerSecretDao {

    @SqlQuery("SELECT wrapped_key FROM server_secret WHERE name = :name")
    Optional<String> find(@Bind("name") String name);

    /** Inserts unless another node got there first; returns the rows inserted. */
    @SqlUpdate("INSERT INTO server_secret (name, wrapped_key, created_at) VALUES (:name, :wrappedKey, :createdAt) "
            + "ON CONFLICT (name) DO NOTHING")
    int insertIfAbsent(@Bind("name") String name, @Bind("wrappedKey") String wrappedKey, @Bind("createdAt") Instant createdAt);

    @SqlUpdate("UPDATE server_secret SET wrapped_key = :wrappedKey WHERE name = :name")
    void update(@Bind("name") String name, @Bind("wrappedKey") String wrappedKey);
}
