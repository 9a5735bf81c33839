package io.tributary.projection.spec;

import java.util.OptionalInt;

/** Checks shared by the format records' constructors. */
final class SpecChecks {

    private SpecChecks() {}

    static void checkDecimals(OptionalInt decimals) {
        if (decimals.isPresent()
                && (decimals.getAsInt() < FormatSpec.MIN_DECIMALS || decimals.getAsInt() > FormatSpec.MAX_DECIMALS)) {
            throw new IllegalArgumentException("decimals must be between " + FormatSpec.MIN_DECIMALS + " and "
                    + FormatSpec.MAX_DECIMALS + ", got " + decimals.getAsInt());
        }
    }
}
