package io.tributary.projection.spec;

/** What one widget field shows: a literal, a (formatted) value from the result, or a list of elements. */
public sealed interface FieldSpec permits LiteralField, SourceField, ListField {}
