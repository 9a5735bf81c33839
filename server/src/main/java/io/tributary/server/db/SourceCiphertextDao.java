package io.tributary.server.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The ciphertexts of data sources: read with their workspace's keys, rewritten only at the next version. */
@RegisterConstructorMapper(SourceCiphertexts.class)
public interface SourceCiphertextDao {

    String SELECT = "SELECT ds.id AS data_source_id, ds.workspace_id, ds.credential_version, ds.data_key_id, ds.credentials, ds.webhook_secret, "
            + "ds.has_webhook_secret, w.data_key, w.next_data_key FROM data_source ds JOIN workspace w ON w.id = ds.workspace_id ";

    @SqlQuery(SELECT + "WHERE ds.id = :id")
    Optional<SourceCiphertexts> read(@Bind("id") String dataSourceId);

    /** Locks the source's row until the transaction ends; hold the workspace's keys shared first. */
    @SqlQuery(SELECT + "WHERE ds.id = :id FOR UPDATE OF ds")
    Optional<SourceCiphertexts> lock(@Bind("id") String dataSourceId);

    /**
     * Writes new ciphertexts at their (higher) version, if the row is still at the version they were made from.
     *
     * @param hints the credential hints to store, or null to keep them (a re-encryption changes no value)
     * @return the rows written: 0 if the source is gone or was rewritten meanwhile
     */
    @SqlUpdate("UPDATE data_source SET credentials = :credentials, webhook_secret = :webhookSecret, "
            + "has_webhook_secret = :hasWebhookSecret, credential_version = :version, "
            + "credential_hints = COALESCE(CAST(:hints AS jsonb), credential_hints), updated_at = :at "
            + "WHERE id = :id AND credential_version = :fromVersion AND :version > :fromVersion")
    int write(@Bind("id") String dataSourceId, @Bind("fromVersion") int fromVersion, @BindMethods SealedCredentials sealed,
              @Bind("hints") String hints, @Bind("at") Instant at);

    /** The workspace's sources whose ciphertexts are not yet under the given data key. */
    @SqlQuery("SELECT id FROM data_source WHERE workspace_id = :workspaceId AND data_key_id IS DISTINCT FROM :dataKeyId ORDER BY id")
    List<String> notUnder(@Bind("workspaceId") String workspaceId, @Bind("dataKeyId") String dataKeyId);

    @SqlQuery("SELECT count(*) FROM data_source WHERE workspace_id = :workspaceId")
    int count(@Bind("workspaceId") String workspaceId);

    /** Sources stored before ciphertexts carried a version. */
    @SqlQuery("SELECT id FROM data_source WHERE credential_version = 0 ORDER BY id")
    List<String> unversioned();
}
