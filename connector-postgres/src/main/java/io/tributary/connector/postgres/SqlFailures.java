package io.tributary.connector.postgres;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns PostgreSQL's refusals (by SQLSTATE) into the SPI's typed failures. PostgreSQL's own
 * message is passed on for errors in the statement, which the user wrote; never for login
 * failures, and a message never carries the password, which PostgreSQL does not echo.
 */
final class SqlFailures {

    /** PostgreSQL 42501: "permission denied for table secrets", "... for schema private". */
    private static final Pattern DENIED = Pattern.compile("permission denied for (table|view|materialized view|sequence|schema|function|database) (\\S+)");

    private SqlFailures() {
    }

    /**
     * @param e what the driver threw
     * @param sql the statement, to map a syntax error's position back to the user's text; null while connecting
     * @param timeout the statement timeout in force, for the message
     */
    static ConnectorException map(SQLException e, GuardedSql sql, Duration timeout) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = serverMessage(e);
        switch (state) {
            case "25006":
                return statement(PostgresErrorCodes.WRITE_REFUSED, "PostgreSQL refused to write: queries run in a read-only"
                        + " transaction and may only read (" + message + ")", e);
            case "57014", "55P03":
                return new ConnectorException(PostgresErrorCodes.TIMEOUT, "The query was cancelled after "
                        + timeout.toMillis() + " ms (" + message + "). Make it faster, or raise its timeout within the allowed maximum.",
                        "sql", null, null, e);
            case "42601":
                return statement(PostgresErrorCodes.SYNTAX_ERROR, "Syntax error: " + message + position(e, sql), e);
            case "42501":
                return permissionMissing(message);
            case "28P01", "28000":
                return ConnectorException.credentialsRejected("PostgreSQL refused the login: check the user and password,"
                        + " and that pg_hba.conf lets this user in from the Tributary server");
            case "3D000":
                return ConnectorException.credentialsRejected("The database does not exist on this server: check the database name");
            default:
                break;
        }
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.equals("40001")
                || state.equals("40P01")) {
            return ConnectorException.transientFailure("PostgreSQL could not be reached or dropped the connection (SQLSTATE "
                    + state + "); it will be tried again", null);
        }
        if (state.startsWith("42") || state.startsWith("22") || state.startsWith("2F") || state.startsWith("P0")
                || state.startsWith("0A") || state.startsWith("21") || state.startsWith("54")) {
            return statement(PostgresErrorCodes.STATEMENT_ERROR, message + position(e, sql), e);
        }
        return new ConnectorException(StandardErrorCode.PROVIDER_ERROR, "PostgreSQL failed the query (SQLSTATE " + state + "): " + message, e);
    }

    private static ConnectorException statement(io.tributary.connector.spi.ErrorCode code, String message, SQLException e) {
        return new ConnectorException(code, message, "sql", null, null, e);
    }

    private static ConnectorException permissionMissing(String message) {
        Matcher matcher = DENIED.matcher(message);
        String permission = "SELECT on the objects the query reads";
        if (matcher.find()) {
            String kind = matcher.group(1);
            String privilege = switch (kind) {
                case "schema" -> "USAGE";
                case "function" -> "EXECUTE";
                case "database" -> "CONNECT";
                default -> "SELECT";
            };
            permission = privilege + " ON " + kind.toUpperCase(java.util.Locale.ROOT) + " " + matcher.group(2);
        }
        return ConnectorException.permissionMissing(permission, "The database role may not read this: " + message
                + ". Grant it " + permission + ".");
    }

    private static String serverMessage(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getMessage() != null) {
            return psql.getServerErrorMessage().getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String position(SQLException e, GuardedSql sql) {
        if (sql == null || !(e instanceof PSQLException psql) || psql.getServerErrorMessage() == null) {
            return "";
        }
        ServerErrorMessage server = psql.getServerErrorMessage();
        return server.getPosition() > 0 ? " at position " + sql.originalPosition(server.getPosition()) : "";
    }
}
