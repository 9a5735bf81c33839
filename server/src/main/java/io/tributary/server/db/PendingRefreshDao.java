package io.tributary.server.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The refresh queue: one row per data source, merged by every request. */
@RegisterConstructorMapper(PendingRefreshDao.Claim.class)
public interface PendingRefreshDao {

    /** A claimed request: which query types (null: all), who asked, and the version claimed. */
    record Claim(String dataSourceId, List<String> staleQueryTypes, String actor, long version) {
    }

    /**
     * Queues a refresh, merging with one already queued: query types add up (null, meaning all,
     * absorbs any list), and the version moves on so a running refresh leaves the new request queued.
     */
    @SqlUpdate("INSERT INTO pending_refresh AS p (data_source_id, stale_query_types, actor, version, requested_at) "
            + "VALUES (:dataSourceId, :types, :actor, 1, :at) "
            + "ON CONFLICT (data_source_id) DO UPDATE SET "
            + "stale_query_types = CASE WHEN p.stale_query_types IS NULL OR EXCLUDED.stale_query_types IS NULL THEN NULL "
            + "  ELSE ARRAY(SELECT DISTINCT t FROM unnest(p.stale_query_types || EXCLUDED.stale_query_types) AS t ORDER BY t) END, "
            + "version = p.version + 1, requested_at = EXCLUDED.requested_at")
    void enqueue(@Bind("dataSourceId") String dataSourceId, @Bind("types") String[] staleQueryTypes, @Bind("actor") String actor,
                 @Bind("at") Instant at);

    /**
     * Claims the source's queued request, unless another node is running it (a claim older than
     * {@code staleBefore} is taken over: its node died). Returns what to refresh.
     */
    @SqlQuery("UPDATE pending_refresh SET claimed_at = :now WHERE data_source_id = :dataSourceId "
            + "AND (claimed_at IS NULL OR claimed_at < :staleBefore) "
            + "RETURNING data_source_id, stale_query_types, actor, version")
    Optional<Claim> claim(@Bind("dataSourceId") String dataSourceId, @Bind("now") Instant now, @Bind("staleBefore") Instant staleBefore);

    /** Clears a finished request, unless a newer one merged into it meanwhile (which is then released to run). */
    @SqlUpdate("DELETE FROM pending_refresh WHERE data_source_id = :dataSourceId AND version = :version")
    int complete(@Bind("dataSourceId") String dataSourceId, @Bind("version") long version);

    @SqlUpdate("UPDATE pending_refresh SET claimed_at = NULL WHERE data_source_id = :dataSourceId")
    void release(@Bind("dataSourceId") String dataSourceId);

    /**
     * Queued requests that were left behind: not running (or abandoned by a dead node) and asked
     * for before {@code requestedBefore}, so a request whose own schedule is still pending (such
     * as a webhook burst's debounce) is left alone. Oldest first; the sweep reschedules them.
     */
    @SqlQuery("SELECT data_source_id FROM pending_refresh WHERE (claimed_at IS NULL OR claimed_at < :staleBefore) "
            + "AND requested_at < :requestedBefore ORDER BY requested_at LIMIT 500")
    List<String> leftBehind(@Bind("staleBefore") Instant staleBefore, @Bind("requestedBefore") Instant requestedBefore);

    /**
     * Active sources whose cadence has passed since their last full refresh and that have no
     * refresh queued or running (so a slow refresh is not queued twice in one cadence window).
     */
    @SqlQuery("SELECT d.id FROM data_source d WHERE d.status = 'active' "
            + "AND (d.last_refresh_at IS NULL OR d.last_refresh_at + d.cadence_minutes * interval '1 minute' <= :now) "
            + "AND NOT EXISTS (SELECT 1 FROM pending_refresh p WHERE p.data_source_id = d.id) ORDER BY d.id")
    List<String> dueSources(@Bind("now") Instant now);

    @SqlUpdate("INSERT INTO webhook_event (data_source_id, event_id, event_type, received_at) VALUES (:dataSourceId, :eventId, :type, :at) "
            + "ON CONFLICT DO NOTHING")
    int recordWebhookEvent(@Bind("dataSourceId") String dataSourceId, @Bind("eventId") String eventId, @Bind("type") String type,
                           @Bind("at") Instant at);
}
