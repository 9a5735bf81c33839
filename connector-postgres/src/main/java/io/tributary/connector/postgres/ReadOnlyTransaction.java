package io.tributary.connector.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The transaction every read runs in: read-only, with local statement and lock timeouts and a
 * pinned search path, and always rolled back. PostgreSQL itself refuses writes in it, so no guard
 * depends on recognising them.
 */
final class ReadOnlyTransaction {

    /** The driver's own cancel, a backstop should PostgreSQL not cancel the statement itself. */
    static final Duration CLIENT_GRACE = Duration.ofSeconds(5);

    private ReadOnlyTransaction() {
    }

    /** Read-only first (it must precede any query), then the settings, local to this transaction as SET LOCAL would. */
    static void begin(Connection connection, QueryLimits limits) throws SQLException {
        connection.setAutoCommit(false);
        connection.rollback();
        try (Statement plain = connection.createStatement()) {
            plain.execute("SET TRANSACTION READ ONLY");
        }
        String settings = "SELECT set_config('statement_timeout', ?, true), set_config('lock_timeout', ?, true),"
                + " set_config('idle_in_transaction_session_timeout', ?, true), set_config('search_path', ?, true),"
                + " set_config('lc_monetary', 'C', true)";
        try (PreparedStatement set = connection.prepareStatement(settings)) {
            set.setString(1, Long.toString(limits.statementTimeout().toMillis()));
            set.setString(2, Long.toString(limits.lockTimeout().toMillis()));
            set.setString(3, Long.toString(limits.statementTimeout().plus(CLIENT_GRACE).toMillis()));
            set.setString(4, limits.searchPath());
            set.executeQuery().close();
        }
    }

    /** The driver-side timeout of a statement, in whole seconds, past PostgreSQL's own. */
    static int clientTimeoutSeconds(QueryLimits limits) {
        return (int) limits.statementTimeout().plus(CLIENT_GRACE).toSeconds();
    }

    /** Nothing a read did is ever kept; a connection that cannot roll back is the caller's to close. */
    static void rollBack(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the failure that broke it is what the caller sees.
        }
    }
}
