package io.tributary.connector.postgres;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the connected role is and may do.
 *
 * @param serverVersion PostgreSQL's version, such as {@code 16.2}
 * @param role the role logged in as
 * @param database the database connected to
 * @param writeReasons why the role can write, for people; empty when it can only read
 * @param readOnlyRoleSql the SQL that creates a read-only role for the same schemas
 */
public record RoleReport(String serverVersion, String role, String database, List<String> writeReasons,
                         String readOnlyRoleSql) {

    /** Checks and copies the inputs. */
    public RoleReport {
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(database, "database");
        writeReasons = List.copyOf(writeReasons);
        Objects.requireNonNull(readOnlyRoleSql, "readOnlyRoleSql");
    }

    /** @return whether the role could write, were it not for the read-only transaction */
    public boolean canWrite() {
        return !writeReasons.isEmpty();
    }

    /** @return for a role that can write, a warning recommending a read-only role, with the SQL to create it */
    public Optional<String> warning() {
        if (!canWrite()) {
            return Optional.empty();
        }
        return Optional.of("The role " + role + " can write (" + String.join("; ", writeReasons) + "). Queries run in"
                + " read-only transactions, but a role that can only read is safer. Create one as a superuser or the"
                + " database owner, set a password, and use it here:\n" + readOnlyRoleSql);
    }
}
