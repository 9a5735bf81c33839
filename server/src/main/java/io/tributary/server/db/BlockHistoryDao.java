package io.tributary.server.db;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Blocks' numeric values over time: written at each refresh, compacted with age, read per step. */
@RegisterConstructorMapper(HistoryPoint.class)
@RegisterConstructorMapper(RecordedValue.class)
public interface BlockHistoryDao {

    /** A refresh's value of one field; a second refresh at the same instant folds into the first. */
    @SqlUpdate("INSERT INTO block_history (block_id, field, resolution, at, last_at, last_value, min_value, max_value, points, answered_from) "
            + "VALUES (:blockId, :field, 'raw', :at, :at, :value, :value, :value, 1, :answeredFrom) "
            + "ON CONFLICT (block_id, field, resolution, at) DO UPDATE SET last_value = EXCLUDED.last_value, "
            + "min_value = least(block_history.min_value, EXCLUDED.min_value), max_value = greatest(block_history.max_value, EXCLUDED.max_value), "
            + "points = block_history.points + 1, answered_from = EXCLUDED.answered_from")
    void record(@Bind("blockId") String blockId, @Bind("field") String field, @Bind("at") Instant at, @Bind("value") BigDecimal value,
                @Bind("answeredFrom") String answeredFrom);

    /**
     * Folds the points of one resolution older than {@code before} into points of the coarser one
     * ({@code unit} is {@code hour} or {@code day}, as {@code date_trunc} takes it), then drops them.
     *
     * @return how many points were folded
     */
    default int compact(String from, String to, String unit, Instant before) {
        fold(from, to, unit, before);
        return drop(from, before);
    }

    @SqlUpdate("INSERT INTO block_history (block_id, field, resolution, at, last_at, last_value, min_value, max_value, points, answered_from) "
            + "SELECT block_id, field, :to, bucket, max(last_at), "
            + "(array_agg(last_value ORDER BY last_at DESC))[1], min(min_value), max(max_value), sum(points), "
            + "(array_agg(answered_from ORDER BY last_at DESC))[1] "
            + "FROM (SELECT *, date_trunc(:unit, at, 'UTC') AS bucket FROM block_history WHERE resolution = :from AND at < :before) points "
            + "GROUP BY block_id, field, bucket "
            + "ON CONFLICT (block_id, field, resolution, at) DO UPDATE SET "
            + "last_value = CASE WHEN EXCLUDED.last_at >= block_history.last_at THEN EXCLUDED.last_value ELSE block_history.last_value END, "
            + "answered_from = CASE WHEN EXCLUDED.last_at >= block_history.last_at THEN EXCLUDED.answered_from ELSE block_history.answered_from END, "
            + "last_at = greatest(block_history.last_at, EXCLUDED.last_at), min_value = least(block_history.min_value, EXCLUDED.min_value), "
            + "max_value = greatest(block_history.max_value, EXCLUDED.max_value), points = block_history.points + EXCLUDED.points")
    void fold(@Bind("from") String from, @Bind("to") String to, @Bind("unit") String unit, @Bind("before") Instant before);

    @SqlUpdate("DELETE FROM block_history WHERE resolution = :resolution AND at < :before")
    int drop(@Bind("resolution") String resolution, @Bind("before") Instant before);

    /** Drops every point older than the retention. */
    @SqlUpdate("DELETE FROM block_history WHERE at < :before")
    int expire(@Bind("before") Instant before);

    /**
     * The field's last value taken at or before {@code before}, at whatever resolution it is kept (a
     * compacted point keeps its last value and when that was taken); empty when history has none.
     */
    @SqlQuery("SELECT last_value AS value, last_at AS at FROM block_history "
            + "WHERE block_id = :blockId AND field = :field AND last_at <= :before ORDER BY last_at DESC LIMIT 1")
    Optional<RecordedValue> valueAtOrBefore(@Bind("blockId") String blockId, @Bind("field") String field, @Bind("before") Instant before);

    /**
     * The block's points in {@code [from, to)}, aggregated per step of {@code stepSeconds}: the last
     * value (by when it was taken), the minimum and the maximum, per field, in time order.
     */
    @SqlQuery("SELECT field, to_timestamp(bucket * :step) AS at, (array_agg(last_value ORDER BY last_at DESC))[1] AS last_value, "
            + "min(min_value) AS min_value, max(max_value) AS max_value, sum(points) AS points, "
            + "(array_agg(answered_from ORDER BY last_at DESC))[1] AS answered_from "
            + "FROM (SELECT *, floor(extract(epoch FROM at) / :step) AS bucket FROM block_history "
            + "WHERE block_id = :blockId AND at >= :from AND at <= :to) points GROUP BY field, bucket ORDER BY field, bucket")
    List<HistoryPoint> read(@Bind("blockId") String blockId, @Bind("from") Instant from, @Bind("to") Instant to,
                            @Bind("step") long stepSeconds);
}
