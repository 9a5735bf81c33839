package io.tributary.projection.render;

import io.tributary.projection.spec.ComparePeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values compared fields had a period ago, as the caller found them (the server reads them from the
 * block's history): widget field name -> period -> the value. A field or period without an entry has no
 * earlier value, and renders its change as null.
 *
 * @param values by widget field name, then period
 */
public record PreviousValues(Map<String, Map<ComparePeriod, PreviousValue>> values) {

    /** No earlier values at all. */
    public static final PreviousValues NONE = new PreviousValues(Map.of());

    /**
     * One earlier value.
     *
     * @param value the field's source number then, unformatted (e.g. cents for a currency field)
     * @param at    when it was taken
     */
    public record PreviousValue(BigDecimal value, Instant at) {
        public PreviousValue {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(at, "at");
        }
    }

    public PreviousValues {
        Objects.requireNonNull(values, "values");
        Map<String, Map<ComparePeriod, PreviousValue>> copy = new LinkedHashMap<>();
        values.forEach((field, byPeriod) -> {
            Map<ComparePeriod, PreviousValue> periods = new EnumMap<>(ComparePeriod.class);
            byPeriod.forEach((period, value) -> periods.put(Objects.requireNonNull(period, "period"),
                    Objects.requireNonNull(value, "value")));
            copy.put(Objects.requireNonNull(field, "field"), Collections.unmodifiableMap(periods));
        });
        values = Collections.unmodifiableMap(copy);
    }

    /** The value {@code field} had {@code period} ago, if one is known. */
    public Optional<PreviousValue> of(String field, ComparePeriod period) {
        return Optional.ofNullable(values.getOrDefault(field, Map.of()).get(period));
    }

    /** These values and one more (replacing any for the same field and period). */
    public PreviousValues with(String field, ComparePeriod period, BigDecimal value, Instant at) {
        Map<String, Map<ComparePeriod, PreviousValue>> more = new LinkedHashMap<>();
        values.forEach((name, byPeriod) -> more.put(name, new LinkedHashMap<>(byPeriod)));
        more.computeIfAbsent(field, name -> new LinkedHashMap<>()).put(period, new PreviousValue(value, at));
        return new PreviousValues(more);
    }
}
