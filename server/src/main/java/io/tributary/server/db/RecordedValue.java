package io.tributary.server.db;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A field's value as history kept it.
 *
 * @param value the value
 * @param at when it was taken
 */
public record RecordedValue(BigDecimal value, Instant at) {
}
