package io.tributary.connector.postgres;

import io.tributary.connector.spi.ConnectorException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a fresh connection: that it answers, the server's version, and whether the role could
 * write: a superuser, a member of {@code pg_write_all_data}, or holding INSERT, UPDATE, DELETE or
 * TRUNCATE on a table of the chosen schemas. Runs read-only and rolls back, like every query.
 */
public final class RolePrivileges {

    private static final int TABLES_NAMED = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String IDENTITY = "SELECT 1, current_setting('server_version'), current_user, current_database(),"
            + " (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),"
            + " CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pg_write_all_data')"
            + " THEN pg_has_role(current_user, 'pg_write_all_data', 'MEMBER') ELSE false END";

    private static final String WRITABLE_TABLES = "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p', 'v', 'f') AND n.nspname = ANY (?)"
            + " AND (has_table_privilege(c.oid, 'INSERT') OR has_table_privilege(c.oid, 'UPDATE')"
            + " OR has_table_privilege(c.oid, 'DELETE') OR has_table_privilege(c.oid, 'TRUNCATE'))"
            + " ORDER BY 1 LIMIT " + (TABLES_NAMED + 1);

    private RolePrivileges() {
    }

    /**
     * @param connection an open connection; left rolled back
     * @param schemas the schemas queries will read
     * @return the report
     * @throws ConnectorException mapped from PostgreSQL's refusal
     */
    public static RoleReport check(Connection connection, List<String> schemas) {
        try {
            connection.setAutoCommit(false);
            connection.rollback();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION READ ONLY");
                statement.execute("SET LOCAL statement_timeout = " + TIMEOUT.toMillis());
            }
            List<String> reasons = new ArrayList<>();
            String version;
            String role;
            String database;
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(IDENTITY)) {
                row.next();
                version = row.getString(2);
                role = row.getString(3);
                database = row.getString(4);
                if (row.getBoolean(5)) {
                    reasons.add("it is a superuser");
                }
                if (row.getBoolean(6)) {
                    reasons.add("it is a member of pg_write_all_data");
                }
            }
            List<String> tables = writableTables(connection, schemas);
            if (!tables.isEmpty()) {
                String named = String.join(", ", tables.subList(0, Math.min(TABLES_NAMED, tables.size())));
                reasons.add("it may insert, update, delete or truncate in " + named + (tables.size() > TABLES_NAMED ? " and more" : ""));
            }
            return new RoleReport(version, role, database, reasons, readOnlyRoleSql(database, schemas));
        } catch (SQLException e) {
            throw SqlFailures.map(e, null, TIMEOUT);
        } finally {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // A broken connection: the caller closes it.
            }
        }
    }

    private static List<String> writableTables(Connection connection, List<String> schemas) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(WRITABLE_TABLES)) {
            Array schemaArray = connection.createArrayOf("text", schemas.toArray());
            statement.setArray(1, schemaArray);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    /** The SQL a superuser or the owner runs to create a role that can only read the schemas. */
    static String readOnlyRoleSql(String database, List<String> schemas) {
        StringBuilder sql = new StringBuilder("CREATE ROLE tributary_reader LOGIN PASSWORD 'choose-a-password';\n")
                .append("GRANT CONNECT ON DATABASE ").append(SqlIdentifiers.quote(database)).append(" TO tributary_reader;\n");
        for (String schema : schemas) {
            String quoted = SqlIdentifiers.quote(schema);
            sql.append("GRANT USAGE ON SCHEMA ").append(quoted).append(" TO tributary_reader;\n")
                    .append("GRANT SELECT ON ALL TABLES IN SCHEMA ").append(quoted).append(" TO tributary_reader;\n")
                    .append("ALTER DEFAULT PRIVILEGES IN SCHEMA ").append(quoted).append(" GRANT SELECT ON TABLES TO tributary_reader;\n");
        }
        return sql.toString().strip();
    }
}
