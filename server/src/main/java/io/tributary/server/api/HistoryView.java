package io.tributary.server.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/blocks/{id}/history}: a block's numeric widget values over {@code [from, to)},
 * one series per field (a dotted path into the widget's data), aggregated per step.
 *
 * @param stepSeconds the length of each point's step
 */
public record HistoryView(String blockId, Instant from, Instant to, long stepSeconds, List<Series> series) {

    /** One field's points, in time order; steps without a refresh are left out. */
    @Schema(name = "HistorySeries")
    public record Series(String field, List<Point> points) {
    }

    /**
     * One step.
     *
     * @param at the step's start
     * @param last the last value taken in it
     * @param refreshes how many refreshes it holds
     * @param source where the last value came from: {@code mirror} or {@code live}
     */
    @Schema(name = "HistoryPoint")
    public record Point(Instant at,
                        BigDecimal last,
                        BigDecimal min,
                        BigDecimal max,
                        long refreshes,
                        @Schema(nullable = true) String source) {
    }
}
