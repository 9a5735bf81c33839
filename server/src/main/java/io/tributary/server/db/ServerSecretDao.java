package io.tributary.server.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
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

    /** A stored secret's name and ciphertext. */
    record NamedSecret(String name, String wrappedKey) {
    }

    /** The secrets whose names start with {@code prefix}, oldest first. */
    @SqlQuery("SELECT name, wrapped_key FROM server_secret WHERE name = :prefix OR name LIKE :prefix || ':%' ORDER BY created_at, name")
    @RegisterConstructorMapper(NamedSecret.class)
    List<NamedSecret> named(@Bind("prefix") String prefix);

    @SqlUpdate("UPDATE server_secret SET wrapped_key = :wrappedKey WHERE name = :name")
    void update(@Bind("name") String name, @Bind("wrappedKey") String wrappedKey);
}
