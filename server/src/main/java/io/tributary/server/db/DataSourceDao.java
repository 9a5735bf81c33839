package io.tributary.server.db;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Data sources, always looked up within their workspace. */
@RegisterConstructorMapper(DataSourceRow.class)
public interface DataSourceDao {

    String COLUMNS = "id, workspace_id, type, label, cadence_minutes, credentials, credential_hints::text AS credential_hints, "
            + "webhook_secret, status, account_id, livemode, permissions::text AS permissions, last_refresh_at, "
            + "last_error_message, created_at, updated_at, webhooks_refused, webhook_last_refused_at";

    /** @param credentialVersion the version the row's ciphertexts are bound to */
    @SqlUpdate("INSERT INTO data_source (id, workspace_id, type, label, cadence_minutes, credentials, credential_hints, "
            + "has_webhook_secret, webhook_secret, credential_version, status, account_id, livemode, permissions, last_refresh_at, "
            + "last_error_message, created_at, updated_at) "
            + "VALUES (:id, :workspaceId, :type, :label, :cadenceMinutes, :credentials, CAST(:credentialHints AS jsonb), "
            + ":hasWebhookSecret, :webhookSecret, :credentialVersion, :status, :accountId, :livemode, CAST(:permissions AS jsonb), "
            + ":lastRefreshAt, :lastErrorMessage, :createdAt, :updatedAt)")
    void insert(@BindMethods DataSourceRow row, @Bind("credentialVersion") int credentialVersion);

    @SqlQuery("SELECT " + COLUMNS + " FROM data_source WHERE workspace_id = :workspaceId AND id = :id")
    Optional<DataSourceRow> find(@Bind("workspaceId") String workspaceId, @Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM data_source WHERE id = :id")
    Optional<DataSourceRow> findAnyWorkspace(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM data_source WHERE workspace_id = :workspaceId ORDER BY created_at, id")
    List<DataSourceRow> list(@Bind("workspaceId") String workspaceId);

    @SqlQuery("SELECT count(*) FROM data_source WHERE workspace_id = :workspaceId AND type = :type")
    int count(@Bind("workspaceId") String workspaceId, @Bind("type") String type);

    @SqlQuery("SELECT count(*) FROM data_source WHERE workspace_id = :workspaceId")
    int countAll(@Bind("workspaceId") String workspaceId);

    @SqlQuery("SELECT type, count(*) FROM data_source WHERE workspace_id = :workspaceId GROUP BY type")
    @org.jdbi.v3.sqlobject.config.KeyColumn("type")
    @org.jdbi.v3.sqlobject.config.ValueColumn("count")
    Map<String, Integer> countByType(@Bind("workspaceId") String workspaceId);

    /** Everything but the credentials, which only {@link SourceCiphertextDao#write} writes (at their next version). */
    @SqlUpdate("UPDATE data_source SET label = :label, cadence_minutes = :cadenceMinutes, status = :status, "
            + "account_id = :accountId, livemode = :livemode, permissions = CAST(:permissions AS jsonb), "
            + "last_refresh_at = :lastRefreshAt, last_error_message = :lastErrorMessage, updated_at = :updatedAt "
            + "WHERE workspace_id = :workspaceId AND id = :id")
    int update(@BindMethods DataSourceRow row);

    @SqlUpdate("DELETE FROM data_source WHERE workspace_id = :workspaceId AND id = :id")
    int delete(@Bind("workspaceId") String workspaceId, @Bind("id") String id);

    /** The plain fields verifying a delivery reads, as a JSON object; written with the credentials. */
    @SqlUpdate("UPDATE data_source SET webhook_fields = CAST(:fields AS jsonb) WHERE id = :id")
    void setWebhookFields(@Bind("id") String id, @Bind("fields") String fieldsJson);

    /** The verification fields and, while its overlap lasts at {@code now}, the replaced signing secret: one read per delivery. */
    @SqlQuery("SELECT webhook_fields::text AS webhook_fields, "
            + "CASE WHEN previous_webhook_secret_until > :now THEN previous_webhook_secret END AS previous_ciphertext, "
            + "CASE WHEN previous_webhook_secret_until > :now THEN previous_webhook_secret_version END AS previous_version, "
            + "CASE WHEN previous_webhook_secret_until > :now THEN previous_webhook_secret_until END AS previous_until "
            + "FROM data_source WHERE id = :id")
    @RegisterConstructorMapper(VerificationInputs.class)
    Optional<VerificationInputs> verificationInputs(@Bind("id") String id, @Bind("now") Instant now);

    /** The streams the source's connector discovered for it, as JSON; written when its credentials are checked. */
    @SqlUpdate("UPDATE data_source SET streams = CAST(:streams AS jsonb) WHERE id = :id")
    void setStreams(@Bind("id") String id, @Bind("streams") String streamsJson);

    @SqlQuery("SELECT streams::text FROM data_source WHERE id = :id AND streams IS NOT NULL")
    Optional<String> streams(@Bind("id") String id);

    /**
     * Keeps a replaced signing secret's ciphertext (bound to the version it was sealed at) accepted
     * until {@code until}; null ciphertext ends any overlap.
     */
    @SqlUpdate("UPDATE data_source SET previous_webhook_secret = :ciphertext, previous_webhook_secret_version = :version, "
            + "previous_webhook_secret_until = :until WHERE id = :id")
    void setPreviousWebhookSecret(@Bind("id") String id, @Bind("ciphertext") String ciphertext, @Bind("version") Integer version,
                                  @Bind("until") Instant until);


    /** Counts a delivery refused for its signature. */
    @SqlUpdate("UPDATE data_source SET webhooks_refused = webhooks_refused + 1, webhook_last_refused_at = :at WHERE id = :id")
    void countRefusedWebhook(@Bind("id") String id, @Bind("at") Instant at);

    /** Sources saved before the webhook secret had a ciphertext of its own: it is still in {@code credentials}. */
    @SqlQuery("SELECT " + COLUMNS + " FROM data_source WHERE has_webhook_secret AND webhook_secret IS NULL ORDER BY id")
    List<DataSourceRow> withWebhookSecretInCredentials();

    /** Records a refresh: when, and the source-level outcome (status and error). */
    @SqlUpdate("UPDATE data_source SET last_refresh_at = :at, status = :status, last_error_message = :error WHERE id = :id")
    void recordRefresh(@Bind("id") String id, @Bind("at") Instant at, @Bind("status") SourceStatus status, @Bind("error") String error);
}
