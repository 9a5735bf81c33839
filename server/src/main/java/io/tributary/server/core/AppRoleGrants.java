package io.tributary.server.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What the application role may do with the server's own tables: read and write rows, nothing
 * else (no TRUNCATE, no DDL: it owns nothing). Granted by the owner after every migration, so
 * tables a migration adds are covered. The audit tables are left to the audit module's own grants
 * (read and append only), and migration histories to the owner alone.
 */
public final class AppRoleGrants {

    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private AppRoleGrants() {
    }

    public static void apply(DataSource owner, String appRole) {
        if (!ROLE_NAME.matcher(appRole).matches()) {
            throw new IllegalArgumentException("The application role must be a plain SQL identifier: " + appRole);
        }
        try (Connection connection = owner.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    DO $$
                    DECLARE item record;
                    BEGIN
                        FOR item IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
                                AND tablename NOT LIKE 'audit\\_%%' AND tablename NOT LIKE 'flyway\\_%%' LOOP
                            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %%I TO %1$s', item.tablename);
                        END LOOP;
                    END
                    $$""".formatted(appRole));
            sql.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema(connection) + " TO " + appRole);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant the application role its privileges", e);
        }
    }

    private static String schema(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); var result = sql.executeQuery("SELECT quote_ident(current_schema())")) {
            result.next();
            return result.getString(1);
        }
    }
}
