package io.tributary.connector.spi;

import java.util.Objects;

/**
 * Whether a set of credentials can serve one query type or stream, and if not, what to grant.
 *
 * @param kind whether {@link #id()} names a query type or a stream
 * @param id the query type id or stream name
 * @param available whether the credentials can serve it
 * @param missingPermission the permission to grant when unavailable, as the outside system names
 *     it (such as {@code Subscriptions: Read}), or null when available or unknown
 */
public record CapabilityStatus(Kind kind, String id, boolean available, String missingPermission) {

    /** What a capability is about. */
    public enum Kind {
        /** A {@link QueryType}. */
        QUERY_TYPE,
        /** A {@link StreamDescriptor}. */
        STREAM
    }

    /** Checks the inputs; an available capability has no missing permission. */
    public CapabilityStatus {
        Objects.requireNonNull(kind, "kind");
        Checks.text(id, "id");
        Checks.optionalText(missingPermission, "missingPermission");
        if (available && missingPermission != null) {
            throw new IllegalArgumentException("An available capability has no missing permission");
        }
    }

    /**
     * A capability the credentials have.
     *
     * @param kind query type or stream
     * @param id its id
     * @return the status
     */
    public static CapabilityStatus available(Kind kind, String id) {
        return new CapabilityStatus(kind, id, true, null);
    }

    /**
     * A capability the credentials lack.
     *
     * @param kind query type or stream
     * @param id its id
     * @param permission what to grant, or null when unknown
     * @return the status
     */
    public static CapabilityStatus missing(Kind kind, String id, String permission) {
        return new CapabilityStatus(kind, id, false, permission);
    }
}
