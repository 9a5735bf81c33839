package io.tributary.projection.schema;

/** The kind of value a result field holds, as far as a projection spec needs to know. */
public enum FieldKind {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN,
    /** A point in time: unix seconds or an ISO-8601 string. */
    TIMESTAMP,
    OBJECT,
    /** A list of objects; the field's children describe each element. */
    ARRAY,
    /** Anything; paths into it are not checked. */
    ANY;

    /** Whether a field of this kind may declare child fields. */
    public boolean isContainer() {
        return this == OBJECT || this == ARRAY;
    }
}
