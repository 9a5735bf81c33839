package io.tributary.projection.spec;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A plain number, grouped per locale.
 *
 * @param decimals exact number of fraction digits; when absent, up to 2 are shown and trailing zeros
 *                 dropped (up to 1 in compact form)
 * @param compact  abbreviate large numbers per locale, e.g. {@code 1.2K}
 */
public record NumberFormatSpec(OptionalInt decimals, boolean compact) implements FormatSpec {

    public static final String NAME = "number";

    public NumberFormatSpec {
        Objects.requireNonNull(decimals, "decimals");
        SpecChecks.checkDecimals(decimals);
    }

    @Override
    public String name() {
        return NAME;
    }
}
