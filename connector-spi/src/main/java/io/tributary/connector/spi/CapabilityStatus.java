package io.tributary.connector.spi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Whether a set of credentials can serve one query type or stream: yes, no (and what to grant),
 * or unknown, when the outside system gave an answer that says neither (an error, an endpoint that
 * is not there) and the host should not guess.
 *
 * <p>As JSON it carries {@code available} beside {@code status}, and reads back what hosts stored
 * before statuses existed ({@code {"kind", "id", "available", "missingPermission"}}).
 *
 * @param kind whether {@link #id()} names a query type or a stream
 * @param id the query type id or stream name
 * @param status whether the credentials can serve it
 * @param missingPermission when {@link Status#MISSING}, the permission to grant as the outside
 *     system names it (such as {@code Subscriptions: Read}), or null when not known; else null
 * @param reason when {@link Status#UNKNOWN}, why it could not be told, for people; else null
 */
@JsonPropertyOrder({"kind", "id", "status", "available", "missingPermission", "reason"})
public record CapabilityStatus(Kind kind, String id, Status status, String missingPermission, String reason) {

    /** What a capability is about. */
    public enum Kind {
        /** A {@link QueryType}. */
        QUERY_TYPE,
        /** A {@link StreamDescriptor}. */
        STREAM
    }

    /** Whether the credentials can serve a capability. */
    public enum Status {
        /** They can. */
        AVAILABLE,
        /** They cannot: a permission is missing. */
        MISSING,
        /** The check could not tell: neither serve nor refuse it on this answer. */
        UNKNOWN
    }

    /** Checks the inputs: a permission to grant only when missing, a reason exactly when unknown. */
    public CapabilityStatus {
        Objects.requireNonNull(kind, "kind");
        Checks.text(id, "id");
        Objects.requireNonNull(status, "status");
        Checks.optionalText(missingPermission, "missingPermission");
        Checks.optionalText(reason, "reason");
        if (status != Status.MISSING && missingPermission != null) {
            throw new IllegalArgumentException("Only a missing capability names a permission to grant");
        }
        if ((status == Status.UNKNOWN) != (reason != null)) {
            throw new IllegalArgumentException("An unknown capability, and only an unknown one, has a reason");
        }
    }

    /** Reads the JSON of both shapes: with {@code status}, or stored before it with {@code available} alone. */
    @JsonCreator
    static CapabilityStatus fromJson(@JsonProperty("kind") Kind kind, @JsonProperty("id") String id,
                                     @JsonProperty("status") Status status, @JsonProperty("available") Boolean available,
                                     @JsonProperty("missingPermission") String missingPermission,
                                     @JsonProperty("reason") String reason) {
        if (status == null && available == null) {
            throw new IllegalArgumentException("A capability status needs 'status' (or, as stored before, 'available')");
        }
        Status resolved = status != null ? status : available ? Status.AVAILABLE : Status.MISSING;
        return new CapabilityStatus(kind, id, resolved, missingPermission, reason);
    }

    /**
     * A capability the credentials have.
     *
     * @param kind query type or stream
     * @param id its id
     * @return the status
     */
    public static CapabilityStatus available(Kind kind, String id) {
        return new CapabilityStatus(kind, id, Status.AVAILABLE, null, null);
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
        return new CapabilityStatus(kind, id, Status.MISSING, permission, null);
    }

    /**
     * A capability the check could not decide, such as when the outside system failed or answered
     * an unexpected status for the request that would have told.
     *
     * @param kind query type or stream
     * @param id its id
     * @param reason why, for people; must not contain a secret
     * @return the status
     */
    public static CapabilityStatus unknown(Kind kind, String id, String reason) {
        return new CapabilityStatus(kind, id, Status.UNKNOWN, null, Checks.text(reason, "reason"));
    }

    /**
     * Whether the credentials are known to serve it; false when missing or unknown.
     *
     * @return true when {@link Status#AVAILABLE}
     */
    @JsonProperty("available")
    public boolean available() {
        return status == Status.AVAILABLE;
    }
}
