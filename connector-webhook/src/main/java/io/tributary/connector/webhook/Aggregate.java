package io.tributary.connector.webhook;

import java.math.BigDecimal;
import java.math.MathContext;

/** A numeric aggregate over the values at a path, exact (decimal), so a sum of amounts loses no cent. */
enum Aggregate {
    SUM("sum"), AVG("average"), MIN("minimum"), MAX("maximum");

    private final String description;

    Aggregate(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** A running aggregate. */
    final class Running {
        private BigDecimal sum = BigDecimal.ZERO;
        private BigDecimal extreme;
        private long count;

        void add(BigDecimal value) {
            count++;
            sum = sum.add(value);
            if (extreme == null || (Aggregate.this == MIN ? value.compareTo(extreme) < 0 : value.compareTo(extreme) > 0)) {
                extreme = value;
            }
        }

        long count() {
            return count;
        }

        /** The result, or null over no values. */
        BigDecimal result() {
            if (count == 0) {
                return null;
            }
            return switch (Aggregate.this) {
                case SUM -> sum;
                case AVG -> sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
                case MIN, MAX -> extreme;
            };
        }
    }

    Running start() {
        return new Running();
    }
}
