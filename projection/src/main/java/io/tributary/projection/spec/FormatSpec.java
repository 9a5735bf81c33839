package io.tributary.projection.spec;

import java.util.List;

/**
 * How a source value becomes widget data. Each format is a record holding its checked options;
 * constructors throw {@link IllegalArgumentException} with a message fit for the spec's author.
 */
public sealed interface FormatSpec
        permits RawFormatSpec, CurrencyFormatSpec, NumberFormatSpec, PercentFormatSpec, DateTimeFormatSpec {

    /** The lowest and highest {@code decimals} option any format accepts. */
    int MIN_DECIMALS = 0;
    int MAX_DECIMALS = 10;

    /** The names a spec may give in {@code "format"}. */
    List<String> NAMES = List.of(
            CurrencyFormatSpec.NAME,
            NumberFormatSpec.NAME,
            PercentFormatSpec.NAME,
            PercentFormatSpec.NAME_WITH_SIGN,
            DateTimeFormatSpec.NAME);

    /** The name as written in a spec; {@code raw} for a field without a format. */
    String name();
}
