package io.tributary.server.db;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One field's value over one step.
 *
 * @param at the step's start
 * @param lastValue the last value taken in the step
 * @param minValue the smallest value in the step
 * @param maxValue the largest value in the step
 * @param points how many refreshes the step holds
 * @param answeredFrom where the last value came from: {@code mirror} or {@code live}
 */
public record HistoryPoint(String field, Instant at, BigDecimal lastValue, BigDecimal minValue, BigDecimal maxValue, long points,
                           String answeredFrom) {
}
