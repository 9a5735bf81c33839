package io.tributary.projection.spec;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A percentage. By default the value is a ratio ({@code 0.125} shows as {@code 12.5%}), which is what
 * rates and growth figures usually are; {@link Input#POINTS} takes values already in percent points
 * ({@code 12.5} shows as {@code 12.5%}).
 *
 * @param decimals exact number of fraction digits; when absent, up to 1 is shown
 * @param withSign prefix positive values with {@code +} (format {@code percent-with-sign}); zero has no sign
 */
public record PercentFormatSpec(OptionalInt decimals, Input input, boolean withSign) implements FormatSpec {

    public static final String NAME = "percent";
    public static final String NAME_WITH_SIGN = "percent-with-sign";

    /** What the source value means. */
    public enum Input {
        /** 0.125 means 12.5%. */
        RATIO,
        /** 12.5 means 12.5%. */
        POINTS;

        /** The option value as written in a spec. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The input for an option value, if it names one. */
        public static Optional<Input> fromId(String id) {
            for (Input input : values()) {
                if (input.id().equals(id)) {
                    return Optional.of(input);
                }
            }
            return Optional.empty();
        }
    }

    public PercentFormatSpec {
        Objects.requireNonNull(decimals, "decimals");
        Objects.requireNonNull(input, "input");
        SpecChecks.checkDecimals(decimals);
    }

    @Override
    public String name() {
        return withSign ? NAME_WITH_SIGN : NAME;
    }
}
