package io.tributary.connector.spi;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link Connector#validateCredentials}: whose account the credentials open and
 * what they can read.
 *
 * @param account the account
 * @param capabilities one status per query type and stream of the connector
 * @param warnings things a person should know but that do not stop the source from working, such
 *     as "this key can write; a read-only restricted key is safer"; one naming each capability
 *     whose status is {@link CapabilityStatus.Status#UNKNOWN}
 */
public record CredentialCheck(AccountIdentity account, List<CapabilityStatus> capabilities, List<String> warnings) {

    /** Checks and copies the inputs. */
    public CredentialCheck {
        Objects.requireNonNull(account, "account");
        capabilities = Checks.list(capabilities, "capabilities");
        warnings = Checks.list(warnings, "warnings");
    }

    /**
     * Whether the credentials can serve a query type.
     *
     * @param queryTypeId the query type's id
     * @return true when a capability says it is available (not when missing or unknown)
     */
    public boolean canRun(String queryTypeId) {
        return capabilities.stream().anyMatch(status -> status.kind() == CapabilityStatus.Kind.QUERY_TYPE
                && status.id().equals(queryTypeId) && status.available());
    }

    /**
     * Whether the credentials can read a stream.
     *
     * @param stream the stream's name
     * @return true when a capability says it is available (not when missing or unknown)
     */
    public boolean canRead(String stream) {
        return capabilities.stream().anyMatch(status -> status.kind() == CapabilityStatus.Kind.STREAM
                && status.id().equals(stream) && status.available());
    }
}
