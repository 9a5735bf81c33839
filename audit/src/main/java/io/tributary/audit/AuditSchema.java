package io.tributary.audit;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the audit tables. The module owns its migrations and keeps its own Flyway
 * history table, so the server can run this next to its own migrations without version clashes.
 */
public final class AuditSchema {

    /** Flyway history table of this module, separate from the server's. */
    public static final String HISTORY_TABLE = "flyway_audit_history";

    /** Where the migrations live; the server's own Flyway must not scan this folder. */
    public static final String LOCATION = "classpath:db/migration/audit";

    // Interpolated into a SQL literal by the grants migration, so only plain identifiers pass.
    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private AuditSchema() {}

    /**
     * Applies pending audit migrations.
     *
     * @param dataSource connection to the target database, as the role that should own the tables
     * @param appRole the role the application connects as when it differs from the owner: it gets
     *     SELECT and INSERT on events (plus SELECT, INSERT, UPDATE on chain heads) and nothing else;
     *     empty or null when the application connects as the owner
     */
    public static void migrate(DataSource dataSource, String appRole) {
        Objects.requireNonNull(dataSource, "dataSource");
        String role = appRole == null ? "" : appRole;
        if (!role.isEmpty() && !ROLE_NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("appRole must be a plain SQL identifier: " + appRole);
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .placeholders(Map.of("appRole", role))
                // The schema usually already holds the server's tables; start our history at 0
                // instead of refusing a non-empty schema, so V1 still runs.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
