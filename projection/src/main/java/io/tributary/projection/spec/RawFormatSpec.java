package io.tributary.projection.spec;

/** No format: the field copies the raw JSON value (missing or null values show the placeholder). */
public record RawFormatSpec() implements FormatSpec {

    @Override
    public String name() {
        return "raw";
    }
}
