package io.tributary.connector.spi;

/** The JSON type of a {@link ResultField}, which decides the formats a projection may apply. */
public enum FieldType {
    /** A JSON string. */
    STRING,
    /** A JSON integer. */
    INTEGER,
    /** Any JSON number. */
    NUMBER,
    /** A JSON boolean. */
    BOOLEAN,
    /** An instant as unix seconds (a JSON integer). */
    TIMESTAMP,
    /**
     * An amount of money: a JSON integer in the currency's smallest unit, as the connector's
     * {@link MinorUnits} define it; its currency is the sibling field named by
     * {@link ResultField#currencyField()}.
     */
    MONEY,
    /** A JSON object; its {@link ResultField#fields()} describe its members, or are empty for any. */
    OBJECT,
    /** A JSON array of objects, each described by {@link ResultField#fields()}, or any when empty. */
    ARRAY,
    /** Any JSON value; nothing is checked below it. */
    ANY
}
