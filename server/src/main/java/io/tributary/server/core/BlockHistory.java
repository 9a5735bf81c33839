package io.tributary.server.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.db.AnsweredFrom;
import io.tributary.projection.render.PreviousValues;
import io.tributary.projection.spec.ComparePeriod;
import io.tributary.server.db.BlockHistoryDao;
import io.tributary.server.db.RecordedValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Blocks' numeric widget values over time. Each refresh records every number in the widget's data
 * (members of nested objects by dotted path; arrays are lists, not values). Points are compacted as
 * they age: to one an hour after {@link #RAW_FOR}, one a day after {@link #HOURLY_FOR}, and dropped
 * after the retention.
 */
public final class BlockHistory {

    /** Raw points (one per refresh) are kept this long. */
    public static final Duration RAW_FOR = Duration.ofDays(7);
    /** Hourly points are kept this long; daily ones until the retention. */
    public static final Duration HOURLY_FOR = Duration.ofDays(90);
    /** The deepest nesting recorded: widget data is small, and a path past this is not a metric. */
    private static final int MAX_DEPTH = 4;

    /** How often a node compacts: points only need to be compact by the time they are read at a coarse step. */
    static final Duration COMPACT_EVERY = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final Duration retention;
    private final java.util.concurrent.atomic.AtomicReference<Instant> lastCompacted = new java.util.concurrent.atomic.AtomicReference<>();

    public BlockHistory(Jdbi jdbi, Duration retention) {
        this.jdbi = jdbi;
        this.retention = retention;
    }

    /**
     * Records a refresh's numeric values inside the caller's transaction: the numbers in the widget data,
     * and under each top-level field's name the number it read from the result before formatting
     * ({@code sourceNumbers}), so a field shown as text (a currency amount) has its history too, in the
     * result's units (cents), which is what {@code compare} measures changes in.
     */
    public static void record(Handle handle, String blockId, JsonNode widgetData, Map<String, BigDecimal> sourceNumbers, Instant at,
                              AnsweredFrom answeredFrom) {
        BlockHistoryDao history = handle.attach(BlockHistoryDao.class);
        Map<String, BigDecimal> numbers = numbers(widgetData);
        numbers.putAll(sourceNumbers);
        numbers.forEach((field, value) -> history.record(blockId, field, at, value, answeredFrom.id()));
    }

    /**
     * What the compared fields were a period before {@code now}: for each field and period, the last
     * value history holds taken at or before that instant (periods counted in UTC calendar units, so a
     * month before March 31 is the end of February). A field or period with no such value is left out,
     * and renders without a change.
     */
    public static PreviousValues previousValues(Handle handle, String blockId, Map<String, List<ComparePeriod>> compared, Instant now) {
        BlockHistoryDao history = handle.attach(BlockHistoryDao.class);
        PreviousValues previous = PreviousValues.NONE;
        for (Map.Entry<String, List<ComparePeriod>> field : compared.entrySet()) {
            for (ComparePeriod period : field.getValue()) {
                Optional<RecordedValue> value = history.valueAtOrBefore(blockId, field.getKey(), period.before(now, ZoneOffset.UTC));
                if (value.isPresent()) {
                    previous = previous.with(field.getKey(), period, value.get().value(), value.get().at());
                }
            }
        }
        return previous;
    }

    /** The numbers in widget data, by dotted path. */
    static Map<String, BigDecimal> numbers(JsonNode data) {
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        collect(data, "", 0, numbers);
        return numbers;
    }

    private static void collect(JsonNode node, String path, int depth, Map<String, BigDecimal> numbers) {
        if (node.isNumber()) {
            numbers.put(path, node.decimalValue());
        } else if (node.isObject() && depth < MAX_DEPTH) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), depth + 1, numbers);
            }
        }
    }

    /** Compacts when this node has not in the last {@link #COMPACT_EVERY} (by the given clock's time). */
    public void compactIfDue(Instant now) {
        Instant last = lastCompacted.get();
        if ((last == null || !now.isBefore(last.plus(COMPACT_EVERY))) && lastCompacted.compareAndSet(last, now)) {
            compact(now);
        }
    }

    /**
     * Compacts and expires points as of {@code now}; idempotent, so every node may run it.
     *
     * @return how many points were folded or dropped
     */
    public int compact(Instant now) {
        return jdbi.inTransaction(handle -> {
            BlockHistoryDao history = handle.attach(BlockHistoryDao.class);
            int changed = history.compact("raw", "hour", "hour", now.minus(RAW_FOR));
            changed += history.compact("hour", "day", "day", now.minus(HOURLY_FOR));
            return changed + history.expire(now.minus(retention));
        });
    }
}
