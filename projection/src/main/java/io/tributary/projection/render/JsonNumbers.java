package io.tributary.projection.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/** Reads JSON numbers exactly, as {@link BigDecimal}, so money is never rounded through a double. */
final class JsonNumbers {

    // Jackson's parser rejects numbers longer than 1000 characters by default; nodes built in code have
    // no such limit, and arithmetic on e.g. 1E+2147483647 overflows. Beyond these bounds is not data.
    private static final int MAX_DIGITS = 1000;
    private static final int MAX_SCALE = 1000;

    private JsonNumbers() {}

    /** The value of a JSON number; empty for anything else, for NaN or infinity, and for absurd sizes. */
    static Optional<BigDecimal> decimal(JsonNode value) {
        if (!value.isNumber()) {
            return Optional.empty();
        }
        if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
            return Optional.empty(); // decimalValue() would throw
        }
        BigDecimal decimal = value.decimalValue();
        if (decimal.precision() > MAX_DIGITS || Math.abs(decimal.scale()) > MAX_SCALE) {
            return Optional.empty();
        }
        return Optional.of(decimal);
    }
}
