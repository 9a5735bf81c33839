package io.tributary.connector.postgres;

/** What a relation read as a stream is, from {@code pg_class.relkind}. */
enum TableKind {
    /** An ordinary or a partitioned table ({@code r}, {@code p}); its partitions are read through it. */
    TABLE,
    /** A view ({@code v}): no primary key, a key must be named. */
    VIEW,
    /** A materialized view ({@code m}): as fresh as its last refresh. */
    MATERIALIZED_VIEW,
    /** A foreign table ({@code f}): read through its foreign-data wrapper. */
    FOREIGN_TABLE;

    static TableKind of(String relkind) {
        return switch (relkind) {
            case "r", "p" -> TABLE;
            case "v" -> VIEW;
            case "m" -> MATERIALIZED_VIEW;
            case "f" -> FOREIGN_TABLE;
            default -> throw new IllegalArgumentException("Not a readable relation kind: " + relkind);
        };
    }
}
