package io.tributary.projection.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.projection.spec.DateTimeFormatSpec;
import io.tributary.projection.spec.ProjectionSpec;
import io.tributary.projection.spec.SourceField;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers a spec's top-level fields read from a result, before formatting: what history keeps of a
 * field whose widget value is text (a currency amount's "$1,200.00" is recorded as its 120000 cents),
 * and what a compared field's change is computed from. Date-time fields are left out: a time is not a
 * metric.
 */
public final class SourceNumbers {

    private SourceNumbers() {}

    /** Widget field name -> the number its source holds, for each top-level source field reading a number. */
    public static Map<String, BigDecimal> of(ProjectionSpec spec, JsonNode result) {
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        spec.fields().forEach((name, field) -> {
            if (field instanceof SourceField source && !(source.format() instanceof DateTimeFormatSpec)) {
                JsonNumbers.decimal(source.source().resolveIn(result)).ifPresent(number -> numbers.put(name, number));
            }
        });
        return Collections.unmodifiableMap(numbers);
    }
}
